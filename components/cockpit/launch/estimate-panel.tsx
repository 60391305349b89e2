import type { PostCockpitEstimateResponse } from "@/app/api/cockpit/estimate/route";
import { formatDuration, formatNumber } from "@/lib/format/formatters";

/** Where the estimate stands: no dataset ticked, settings the engine refuses, being worked out, or shown. */
export type EstimateState = "no-dataset" | "invalid" | "pending" | "ready";

const WAITING: Record<Exclude<EstimateState, "ready">, string> = {
  "no-dataset": "Choose at least one dataset to see an estimate.",
  invalid: "Fix the settings marked above to see an estimate.",
  pending: "Estimating…",
};

export function EstimatePanel({
  estimate,
  state,
}: {
  estimate: PostCockpitEstimateResponse["estimate"] | undefined;
  state: EstimateState;
}) {
  if (!estimate || state === "no-dataset" || state === "invalid")
    return (
      <p className={`text-sm ${state === "invalid" ? "text-amber-700" : "text-slate-500"}`} data-testid="estimate-waiting">
        {WAITING[state === "ready" ? "pending" : state]}
      </p>
    );
  const pending = state === "pending";
  const { perCycle, generations, tokens, duration } = estimate;
  return (
    <div className={`space-y-2 text-sm ${pending ? "opacity-60" : ""}`} data-testid="launch-estimate">
      <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Questions</dt>
        <dd>
          {estimate.datasets
            .map(
              (dataset) => `${dataset.name}: ${formatNumber(dataset.questions)} (+${formatNumber(dataset.evaluationQuestions)} held out)`,
            )
            .join(" · ") || "—"}
        </dd>
        <dt className="text-slate-500">Per cycle</dt>
        <dd>
          {formatNumber(perCycle.answers)} answers · {formatNumber(perCycle.rationalizationsExpected)} rationalizations expected (at most{" "}
          {formatNumber(perCycle.rationalizationsMax)}) · {formatNumber(perCycle.evaluations)} evaluation answers
        </dd>
        <dt className="text-slate-500">Generations</dt>
        <dd data-testid="estimate-generations">
          {formatNumber(generations.expected)} expected over up to {estimate.cycles} cycle{estimate.cycles === 1 ? "" : "s"} (at most{" "}
          {formatNumber(generations.max)})
        </dd>
        <dt className="text-slate-500">Tokens</dt>
        <dd>
          {tokens.prompt !== null && tokens.completion !== null
            ? `${formatNumber(tokens.prompt)} prompt + ${formatNumber(tokens.completion)} completion expected`
            : "no measurement yet"}{" "}
          · at most {formatNumber(tokens.completionMax)} completion tokens
          <span className="block text-xs text-slate-500">{tokens.basis}</span>
        </dd>
        <dt className="text-slate-500">Duration</dt>
        <dd data-testid="estimate-duration">
          {duration.seconds !== null ? `about ${formatDuration(duration.seconds)}` : "no measurement yet"}
          {duration.generationsPerSecond !== null ? ` (${duration.generationsPerSecond.toFixed(1)} generations/s` : ""}
          {duration.generationsPerSecond !== null && duration.trainingSeconds !== null
            ? ` + ${formatDuration(duration.trainingSeconds)} training)`
            : duration.generationsPerSecond !== null
              ? ")"
              : ""}
          <span className="block text-xs text-slate-500">{duration.basis}</span>
        </dd>
      </dl>
      {estimate.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-600">
          {estimate.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
