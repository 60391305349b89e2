import { z } from "zod";
import { pageQuery } from "@/lib/http/schemas";
import { AQA_MODES } from "./aqa-modes";
import { loadCycleFigures } from "./cycle-review";
import type { DiveFigures } from "./dive-figures";
import { DIVE_FILTERS, type DiveFilter } from "./dive-filters";
import { listCycleSignOffs } from "./sign-off-repository";
import { NO_SIGN_OFFS, signOffView, summariseSignOffs, type SignOffSummary, type SignOffView } from "./sign-off-view";
import type { AqaMode } from "./aqa-modes";

/** The dives of a cycle in generation id order, a page at a time (`cursor`: the last generation id of the previous page). */
export const CycleDivesQuery = pageQuery.extend({
  mode: z.enum(AQA_MODES).default("ANSWER"),
  filter: z.enum(DIVE_FILTERS).default("all"),
});
export type CycleDivesQuery = z.infer<typeof CycleDivesQuery>;

export interface DiveRow extends DiveFigures {
  signOffs: SignOffSummary;
}

export interface CycleDivesPage {
  items: DiveRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: number | null;
  /** Dives matching the filter in the whole cycle. */
  total: number;
}

/** Every dive of the cycle with its sign-off summary, and the sign-offs themselves by generation. */
export async function cycleDiveRows(
  cycleId: number,
  mode: AqaMode,
  viewerId: string | null,
): Promise<{ rows: DiveRow[]; signOffs: Map<number, SignOffView[]> }> {
  const [{ figures }, signOffRows] = await Promise.all([loadCycleFigures(cycleId, mode), listCycleSignOffs(cycleId)]);
  const views = signOffRows.map(signOffView);
  const summaries = summariseSignOffs(views, viewerId);
  const signOffs = new Map<number, SignOffView[]>();
  for (const view of views) signOffs.set(view.generationId, [...(signOffs.get(view.generationId) ?? []), view]);
  return { rows: figures.map((f) => ({ ...f, signOffs: summaries.get(f.generationId) ?? NO_SIGN_OFFS })), signOffs };
}

/** A page of the cycle's dives (keyset on generation id), filtered, with sign-off summaries. */
export async function cycleDivesPage(cycleId: number, query: CycleDivesQuery, viewerId: string | null): Promise<CycleDivesPage> {
  const { rows } = await cycleDiveRows(cycleId, query.mode, viewerId);
  const matching = rows.filter((row) => matchesFilter(row, query.filter));
  const after = query.cursor === undefined ? matching : matching.filter((row) => row.generationId > (query.cursor ?? 0));
  const items = after.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: after.length > query.limit && last ? last.generationId : null, total: matching.length };
}

function matchesFilter(row: DiveRow, filter: DiveFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "flagged":
      return row.arithmeticFlags.length > 0;
    case "no-score":
      return row.predictedScore === null;
    case "difficulty-wrong":
      return row.difficultyAsked && row.difficultyCorrect !== true;
    case "sequence-wrong":
      return row.sequenceAsked && row.sequenceCorrect !== true;
    case "unsigned":
      return row.signOffs.mine === null;
    case "rejected":
      return row.signOffs.rejected > 0;
  }
}
