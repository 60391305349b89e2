/**
 * The paper's published zero-shot gains, in percentage points over the base model, drawn as a
 * reference line beside a run's own figures. The abstract of the ICLR 2025 submission gives
 * TempCompass +6.1; the arXiv summary (2407.06189) gives TempCompass +10 and MSVD-QA +2.3. The
 * abstract's figure is used where both exist; the other is kept as `alternative`.
 * Kinetics700-QA (+9.9 / +20) and FineDiving (+4.0 / +15) are adaptation results on held-out
 * splits, which the cycle's own evaluation measures, not lmms-eval tasks.
 */
export interface PaperReference {
  benchmark: string;
  points: number;
  source: string;
  alternative?: { points: number; source: string };
}

const REFERENCES: { prefix: string; reference: PaperReference }[] = [
  {
    prefix: "tempcompass",
    reference: {
      benchmark: "TempCompass",
      points: 6.1,
      source: "paper abstract (ICLR 2025 submission)",
      alternative: { points: 10, source: "arXiv 2407.06189 summary" },
    },
  },
  { prefix: "msvd", reference: { benchmark: "MSVD-QA", points: 2.3, source: "arXiv 2407.06189 summary" } },
];

/** The paper's gain for an lmms-eval task (a TempCompass subtask counts as TempCompass), or null. */
export function paperReferenceFor(task: string): PaperReference | null {
  const name = task.toLowerCase();
  return REFERENCES.find((r) => name.startsWith(r.prefix))?.reference ?? null;
}
