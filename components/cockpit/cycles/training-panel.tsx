import type { GetCockpitCycleTrainingResponse } from "@/app/api/cockpit/cycles/[id]/training/route";
import { StatusBadge } from "./status-badge";
import { SimulatedBadge } from "@/components/ui/badge";

export function TrainingPanel({ runs }: { runs: GetCockpitCycleTrainingResponse["runs"] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500">No training job submitted yet.</p>;
  return (
    <ul className="space-y-4">
      {runs.map((run) => (
        <li key={run.id} data-testid="training-run">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">attempt {run.attempt}</span>
            <StatusBadge status={run.status} />
            {run.backendName && <span className="text-slate-600">on {run.backendName}</span>}
            {run.simulated && <SimulatedBadge />}
            {run.backendJobId && <span className="font-mono text-xs text-slate-500">job {run.backendJobId}</span>}
            {run.resultCheckpoint && <span className="text-slate-600">→ {run.resultCheckpoint}</span>}
          </div>
          {run.error && <p className="mt-1 text-xs text-rose-700">{run.error}</p>}
          {run.logTail ? (
            <pre
              role="log"
              className="mt-2 max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
              aria-label={`Log of attempt ${run.attempt}`}
            >
              {run.logTail}
            </pre>
          ) : run.logUnavailable ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="log-unavailable">
              No log shown: {run.logUnavailable}.
            </p>
          ) : (
            <p className="mt-1 text-xs text-slate-500">No log yet.</p>
          )}
          <p className="text-xs text-slate-500">
            {run.logSource === "backend" ? "log read live from the backend" : run.logSource === "stored" ? "log as last stored" : ""}
            {run.logError ? ` · the backend's log could not be read: ${run.logError}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
