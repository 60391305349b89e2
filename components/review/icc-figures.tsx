import type { IccEstimate, IccResult } from "@/lib/review/stats/icc";

const fixed = (value: number | null) => (value === null ? "—" : value.toFixed(3));

function estimate(value: IccEstimate | null): string {
  if (value === null || value.value === null) return "— (no variance to compare)";
  const interval = value.lower === null || value.upper === null ? "" : ` (95 % CI ${fixed(value.lower)} to ${fixed(value.upper)})`;
  return `${fixed(value.value)}${interval}`;
}

/**
 * Intraclass correlation of numeric scores, as rows of a <dl>: ICC(2,1) (absolute agreement of one
 * rater) and ICC(3,k) (consistency of the raters' mean), with their intervals and how many scores
 * the complete block used; "not enough paired scores" below 2 raters × 2 targets.
 */
export function IccFigures({ label, icc, targetNoun, testId }: { label: string; icc: IccResult; targetNoun: string; testId: string }) {
  if (icc.icc21 === null || icc.icc3k === null) {
    return (
      <>
        <dt className="text-slate-500">{label}: ICC</dt>
        <dd data-testid={testId}>
          not enough paired scores{" "}
          <span className="text-xs text-slate-500">
            (needs 2 raters × 2 {targetNoun}s; {icc.ratingsGiven} {icc.ratingsGiven === 1 ? "score" : "scores"} given)
          </span>
        </dd>
      </>
    );
  }
  return (
    <>
      <dt className="text-slate-500">{label}: ICC(2,1), absolute agreement</dt>
      <dd data-testid={testId}>{estimate(icc.icc21)}</dd>
      <dt className="text-slate-500">
        {label}: ICC(3,k), consistency of the mean of k={icc.raters}
      </dt>
      <dd>
        {estimate(icc.icc3k)}{" "}
        <span className="block text-xs text-slate-500">
          {icc.targets} {targetNoun}s × {icc.raters} raters: {icc.ratingsUsed} of {icc.ratingsGiven} scores (the largest complete block)
        </span>
      </dd>
    </>
  );
}
