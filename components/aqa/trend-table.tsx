import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { MetricInterval } from "@/lib/aqa-review/cycle-metrics";
import type { TrendPoint } from "@/lib/aqa-review/run-trend";
import { formatNumber, formatPercent, formatStatus } from "@/lib/format/formatters";
import { SimulatedBadge } from "@/components/ui/badge";

const withInterval = (interval: MetricInterval | null) =>
  `${formatNumber(interval?.estimate, 3)} [${formatNumber(interval?.low, 2)}, ${formatNumber(interval?.high, 2)}]`;

/** The across-cycles figures as numbers (the charts' data, readable and printable). */
export function TrendTable({ cycles, currentCycleId, mode }: { cycles: TrendPoint[]; currentCycleId: number; mode: string }) {
  return (
    <DataTable
      label="Metrics per cycle"
      className="tabular-nums"
      rows={cycles}
      rowKey={(c) => c.cycleId}
      rowProps={(c) => ({ className: c.cycleId === currentCycleId ? "bg-indigo-50 font-medium" : undefined })}
      columns={[
        {
          header: "Cycle",
          cell: (c) => (
            <>
              <Link href={`/aqa/cycles/${c.cycleId}?mode=${mode}`} className="text-indigo-700 hover:underline">
                Cycle {c.index}
              </Link>{" "}
              <span className="text-xs text-slate-500">{formatStatus(c.status)}</span>
              {c.metrics.simulated > 0 && <SimulatedBadge className="ml-1" />}
            </>
          ),
        },
        { header: "Dives", cell: (c) => c.metrics.dives },
        { header: "Spearman ρ [95 % CI]", cell: (c) => withInterval(c.metrics.spearman) },
        { header: "R-ℓ2 × 100 [95 % CI]", cell: (c) => withInterval(c.metrics.relativeL2x100) },
        { header: "Difficulty", cell: (c) => formatPercent(c.metrics.difficultyAccuracy) },
        { header: "Sequence", cell: (c) => formatPercent(c.metrics.sequenceAccuracy) },
        { header: "Arithmetic errors", cell: (c) => formatPercent(c.metrics.arithmeticErrorShare) },
      ]}
    />
  );
}
