import type { GetCockpitCycleResponse } from "@/app/api/cockpit/cycles/[id]/route";
import { formatDuration, formatNumber } from "@/lib/format/formatters";
import { ProgressBar } from "../ui";
import { Badge } from "@/components/ui/badge";

const STATE_TONES = {
  waiting: "neutral",
  pending: "neutral",
  running: "info",
  done: "success",
  failed: "danger",
  skipped: "neutral",
} as const;

export function StageList({ stages }: { stages: GetCockpitCycleResponse["cycle"]["stages"] }) {
  return (
    <ol className="space-y-3" aria-label="Stages">
      {stages.map((stage) => (
        <li key={stage.stage} data-testid={`stage-${stage.stage}`} data-state={stage.state}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="w-28 font-medium">{stage.stage.toLowerCase()}</span>
            <Badge tone={STATE_TONES[stage.state]}>{stage.state}</Badge>
            {stage.items > 0 && (
              <span className="text-slate-600">
                {formatNumber(stage.doneItems)} / {formatNumber(stage.items)}
              </span>
            )}
            {stage.ratePerSecond !== null && <span className="text-slate-500">{stage.ratePerSecond.toFixed(1)}/s</span>}
            {stage.etaSeconds !== null && stage.state !== "done" && (
              <span className="text-slate-500">ETA {formatDuration(stage.etaSeconds)}</span>
            )}
            {stage.errorItems > 0 && <Badge tone="danger">{formatNumber(stage.errorItems)} given up</Badge>}
          </div>
          {stage.state !== "skipped" && <ProgressBar value={stage.fraction} label={`${stage.stage.toLowerCase()} progress`} />}
          {stage.lastError && stage.state !== "done" && <p className="mt-1 text-xs text-rose-700">{stage.lastError}</p>}
        </li>
      ))}
    </ol>
  );
}
