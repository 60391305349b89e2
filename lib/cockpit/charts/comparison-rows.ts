import { modeName } from "./chart-series";
import type { ComparedCycle } from "./comparison-repository";

export interface ComparisonRow {
  category: string;
  a: number | null;
  b: number | null;
  /** b − a, when both exist. */
  delta: number | null;
  detailA: string;
  detailB: string;
}

function row(category: string, a: number | null, b: number | null, detailA: string, detailB: string): ComparisonRow {
  return { category, a, b, delta: a !== null && b !== null ? b - a : null, detailA, detailB };
}

/** passed/answered, and the questions given up beside them (never counted as wrong). */
function yieldDetail(point: { passed: number; questions: number; givenUp: number } | undefined): string {
  if (!point) return "—";
  return `${point.passed}/${point.questions}${point.givenUp > 0 ? ` · ${point.givenUp} given up` : ""}`;
}

/** Yield per dataset and mode (over the questions answered), matched across the two cycles. */
export function yieldRows(a: ComparedCycle, b: ComparedCycle): ComparisonRow[] {
  const keys = new Map<string, { datasetId: number; mode: string; name: string }>();
  for (const point of [...a.yields, ...b.yields])
    keys.set(`${point.datasetId}|${point.mode}`, {
      datasetId: point.datasetId,
      mode: point.mode,
      name: `${point.datasetName} · ${modeName(point.mode)}`,
    });
  return [...keys.values()]
    .sort((x, y) => x.name.localeCompare(y.name))
    .map((key) => {
      const pa = a.yields.find((point) => point.datasetId === key.datasetId && point.mode === key.mode);
      const pb = b.yields.find((point) => point.datasetId === key.datasetId && point.mode === key.mode);
      return row(key.name, pa?.rate ?? null, pb?.rate ?? null, yieldDetail(pa), yieldDetail(pb));
    });
}

/** Hallucination rate per mode and verifier precision, from audits, with their sample sizes. */
export function auditRows(a: ComparedCycle, b: ComparedCycle): ComparisonRow[] {
  const modes = [...new Set([...a.audits, ...b.audits].map((point) => point.mode))].sort((x, y) => (x ?? "").localeCompare(y ?? ""));
  const rows = modes.map((mode) => {
    const pa = a.audits.find((point) => point.mode === mode)?.hallucination;
    const pb = b.audits.find((point) => point.mode === mode)?.hallucination;
    return row(
      `hallucination · ${modeName(mode)}`,
      pa?.rate ?? null,
      pb?.rate ?? null,
      pa ? `${pa.count}/${pa.n}` : "—",
      pb ? `${pb.count}/${pb.n}` : "—",
    );
  });
  const pa = a.audits.find((point) => point.mode === null)?.precision;
  const pb = b.audits.find((point) => point.mode === null)?.precision;
  if (pa || pb)
    rows.push(
      row("verifier precision", pa?.rate ?? null, pb?.rate ?? null, pa ? `${pa.count}/${pa.n}` : "—", pb ? `${pb.count}/${pb.n}` : "—"),
    );
  return rows;
}

export function evaluationRows(a: ComparedCycle, b: ComparedCycle): ComparisonRow[] {
  const names = [...new Set([...a.evaluations, ...b.evaluations].map((point) => point.datasetName))].sort();
  return names.map((name) => {
    const pa = a.evaluations.find((point) => point.datasetName === name);
    const pb = b.evaluations.find((point) => point.datasetName === name);
    return row(
      `accuracy · ${name}`,
      pa?.accuracy ?? null,
      pb?.accuracy ?? null,
      pa ? `${pa.correct}/${pa.total}${pa.givenUp > 0 ? ` · ${pa.givenUp} given up` : ""}` : "—",
      pb ? `${pb.correct}/${pb.total}${pb.givenUp > 0 ? ` · ${pb.givenUp} given up` : ""}` : "—",
    );
  });
}
