import { z } from "zod";
import { optionalRowId, pageQuery } from "@/lib/http/schemas";

export const LABEL_TYPES = ["class", "float", "bbox", "interval", "timestamp", "sequence", "caption", "same"] as const;
export const GENERATION_MODES = ["ANSWER", "RATIONALIZATION", "EVALUATION"] as const;
export const VERDICT_FILTERS = ["passed", "failed", "unverified"] as const;
/** Audit state: no submitted audit, any, one per audit verdict, or an audit saying the label is not there. */
export const AUDIT_FILTERS = ["unaudited", "audited", "CORRECT", "HALLUCINATED", "PARTLY_CORRECT", "UNSURE", "label-missing"] as const;
/** The explorer's orders: by id, which is creation order. */
const EXPLORER_SORTS = ["newest", "oldest"] as const;

const blankAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The explorer's filters, search and sort: what its URL and a saved view hold. */
export const explorerFiltersSchema = z.object({
  cycleId: optionalRowId,
  runId: optionalRowId,
  datasetId: optionalRowId,
  mode: z.preprocess(blankAsUndefined, z.enum(GENERATION_MODES).optional()),
  verdict: z.preprocess(blankAsUndefined, z.enum(VERDICT_FILTERS).optional()),
  labelType: z.preprocess(blankAsUndefined, z.enum(LABEL_TYPES).optional()),
  audit: z.preprocess(blankAsUndefined, z.enum(AUDIT_FILTERS).optional()),
  q: z.preprocess(blankAsUndefined, z.string().trim().min(1).max(200, "Search at most 200 characters").optional()),
  sort: z.preprocess(blankAsUndefined, z.enum(EXPLORER_SORTS).default("newest")),
});

/** The explorer's query string; every filter optional, the cursor is the last id seen (in the chosen order). */
export const explorerQuerySchema = pageQuery.extend(explorerFiltersSchema.shape);

export type ExplorerQuery = z.output<typeof explorerQuerySchema>;
export type ExplorerFilters = z.output<typeof explorerFiltersSchema>;

/** The URL keys of the explorer's state, in the order a link lists them. */
export const EXPLORER_FILTER_KEYS = Object.keys(explorerFiltersSchema.shape) as (keyof ExplorerFilters)[];

/** Filters as a URL query holds them: strings, the default sort left out. */
export function filtersToQuery(filters: ExplorerFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of EXPLORER_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || (key === "sort" && value === "newest")) continue;
    query[key] = String(value);
  }
  return query;
}

export interface StoredFilters {
  filters: ExplorerFilters;
  /** What was left out, one sentence each: keys the explorer no longer has, values it no longer takes. */
  dropped: string[];
}

/**
 * A saved view's filters read back: each key validated on its own by today's schema, so a view
 * saved before a filter was renamed, removed or narrowed still opens, without what no longer fits.
 */
export function readStoredFilters(stored: unknown): StoredFilters {
  const dropped: string[] = [];
  const readable = typeof stored === "object" && stored !== null && !Array.isArray(stored);
  if (!readable) dropped.push("The saved filters were not readable: the view opens without filters");
  const raw = readable ? (stored as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = (explorerFiltersSchema.shape as Record<string, z.ZodType | undefined>)[key];
    if (!field) {
      dropped.push(`“${key}” is no longer a filter of the explorer`);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) kept[key] = value;
    else dropped.push(`${key} “${shown(value)}” is no longer accepted`);
  }
  return { filters: explorerFiltersSchema.parse(kept), dropped };
}

const shown = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
