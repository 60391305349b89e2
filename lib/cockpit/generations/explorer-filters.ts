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

/** The explorer's query string; every filter optional, the cursor is the last id seen (in the chosen order). */
export const explorerQuerySchema = pageQuery.extend({
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

export type ExplorerQuery = z.output<typeof explorerQuerySchema>;
