import type { LmmsEvalSample } from "./lmms-eval-results";

/**
 * A document's value of a metric from its samples line, where lmms-eval logs one: a number (mean
 * aggregations such as exact_match), an LLM judge's record ({Correctness: "yes"|"no"} for an
 * accuracy, {score} for a score), or null when the task logs something else.
 */
function documentValue(scores: Record<string, unknown>, metric: string): number | null {
  const value = scores[metric];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (/acc/i.test(metric) && typeof record.Correctness === "string") return record.Correctness.toLowerCase() === "yes" ? 1 : 0;
  if (/score/i.test(metric) && typeof record.score === "number") return record.score;
  return null;
}

/** Per document (doc_id) values of a metric, or null when any logged document has none. */
export function documentValues(samples: LmmsEvalSample[], metric: string): Map<number, number> | null {
  const values = new Map<number, number>();
  for (const sample of samples) {
    const value = documentValue(sample.scores, metric);
    if (value === null) return null;
    values.set(sample.docId, value);
  }
  return values.size > 0 ? values : null;
}

/**
 * The standard error of the mean per-document difference between two models scored on the same
 * documents (paired), in the metric's units, or null with fewer than two shared documents.
 */
export function pairedStandardError(base: Map<number, number>, other: Map<number, number>): { se: number; documents: number } | null {
  const differences: number[] = [];
  for (const [doc, value] of other) {
    const reference = base.get(doc);
    if (reference !== undefined) differences.push(value - reference);
  }
  const n = differences.length;
  if (n < 2) return null;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
  return { se: Math.sqrt(variance / n), documents: n };
}
