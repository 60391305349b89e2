import type { DiveReview } from "@/lib/aqa-review/dive-review";
import { formatDifficulty, formatScore, formatSigned } from "./format";

/** Truth against prediction for one dive: score, difficulty (and the dive number's table), judges, sub-actions. */
export function DiveFacts({ review }: { review: DiveReview }) {
  const { figures, dive, panel, difficultyCheck } = review;
  const verdict = (ok: boolean | null, asked: boolean) =>
    !asked ? (
      <span className="text-slate-500">not asked, not graded</span>
    ) : ok === null ? (
      <span className="text-rose-700">not stated</span>
    ) : ok ? (
      <span className="text-emerald-700">right</span>
    ) : (
      <span className="text-rose-700">wrong</span>
    );
  return (
    <section aria-labelledby="facts-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="facts-heading" className="mb-2 text-lg font-semibold">
        Record and prediction
      </h2>
      <table className="w-full text-sm tabular-nums">
        <thead className="text-xs text-slate-500">
          <tr>
            <th />
            <th className="text-left">True</th>
            <th className="text-left">Predicted</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          <tr>
            <th className="py-1 text-left font-medium">Score</th>
            <td data-testid="true-score">{formatScore(figures.trueScore)}</td>
            <td data-testid="predicted-score">
              {formatScore(figures.predictedScore)}{" "}
              {figures.scoreError !== null && <span className="text-xs text-slate-500">({formatSigned(figures.scoreError)})</span>}
            </td>
          </tr>
          <tr>
            <th className="py-1 text-left font-medium">Difficulty</th>
            <td>{formatDifficulty(figures.trueDifficulty)}</td>
            <td>
              {formatDifficulty(figures.predictedDifficulty)} {verdict(figures.difficultyCorrect, figures.difficultyAsked)}
            </td>
          </tr>
          <tr>
            <th className="py-1 text-left font-medium">Sub-actions</th>
            <td>{figures.trueSequence.join(" › ") || "—"}</td>
            <td>
              {figures.predictedSequence.join(" › ") || "—"} {verdict(figures.sequenceCorrect, figures.sequenceAsked)}
            </td>
          </tr>
          <tr>
            <th className="py-1 text-left font-medium">Judges</th>
            <td colSpan={2}>
              <Judges scores={dive.judge_scores} kept={panel?.kept ?? []} />
              {figures.predictedJudgeScores && (
                <div className="text-xs text-slate-500">answer lists: {figures.predictedJudgeScores.join(", ")}</div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <dl className="mt-3 space-y-1 text-sm">
        <div>
          <dt className="inline font-medium">Dive number </dt>
          <dd className="inline">
            {figures.diveNumber} — {figures.diveDescription ?? "not a valid dive number"}
          </dd>
        </div>
        {panel && (
          <div>
            <dt className="inline font-medium">Panel rule </dt>
            <dd className="inline">
              {panel.rule}: ({panel.kept.map((k) => k.toFixed(1)).join(" + ")}) × {formatDifficulty(dive.difficulty)}
              {panel.ruleId === "synchronised-5" && " × 0.6"} = {formatScore(panel.computedScore)}
            </dd>
          </div>
        )}
        {figures.recordWarning && (
          <div className="rounded bg-amber-50 px-2 py-1 text-amber-800" role="note">
            Data-quality warning: {figures.recordWarning} (the recorded score stays the truth)
          </div>
        )}
        {difficultyCheck && (
          <div className={difficultyCheck.status === "not-carried" ? "text-rose-700" : "text-slate-600"}>
            <dt className="inline font-medium">Difficulty table </dt>
            <dd className="inline">{difficultyCheck.message}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The judges' marks in panel order; the ones the rule keeps are bold. */
function Judges({ scores, kept }: { scores: number[]; kept: number[] }) {
  const remaining = [...kept];
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Judges' scores">
      {scores.map((score, i) => {
        const at = remaining.indexOf(score);
        const counts = at >= 0;
        if (counts) remaining.splice(at, 1);
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a judge's place in the panel is its identity; scores repeat
            key={i}
            className={`rounded px-1.5 ${counts ? "bg-sky-100 font-semibold" : "bg-slate-100 text-slate-500 line-through"}`}
            title={counts ? "kept by the rule" : "dropped by the rule"}
          >
            {score.toFixed(1)}
          </li>
        );
      })}
    </ul>
  );
}
