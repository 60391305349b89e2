import type { GenerationMode } from "../constants";

type VerdictOutcome = "passed" | "failed" | "unverified";

export interface StratumParts {
  datasetId: number;
  mode: GenerationMode;
  outcome: VerdictOutcome;
}

/** SQL for the same key, over aliases q (Question), g (Generation) and lv (latest verdict). */
export const STRATUM_SQL = `concat_ws('|', q."datasetId", g.mode::text, CASE WHEN lv.passed IS NULL THEN 'unverified' WHEN lv.passed THEN 'passed' ELSE 'failed' END)`;

export function parseStratumKey(key: string): StratumParts | null {
  const [dataset, mode, outcome] = key.split("|");
  const datasetId = Number(dataset);
  if (!Number.isInteger(datasetId) || (mode !== "ANSWER" && mode !== "RATIONALIZATION" && mode !== "EVALUATION")) return null;
  if (outcome !== "passed" && outcome !== "failed" && outcome !== "unverified") return null;
  return { datasetId, mode, outcome };
}
