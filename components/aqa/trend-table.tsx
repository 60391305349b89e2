import Link from "next/link";
import type { TrendPoint } from "@/lib/aqa-review/run-trend";
import { formatNumber, formatPercent } from "@/lib/format/formatters";

/** The across-cycles figures as numbers (the charts' data, readable and printable). */
export function TrendTable({ cycles, currentCycleId, mode }: { cycles: TrendPoint[]; currentCycleId: number; mode: string }) {
  return (
    <table className="w-full text-left text-sm tabular-nums" aria-label="Metrics per cycle">
      <thead className="border-b border-slate-200 text-xs text-slate-500">
        <tr>
          <th className="py-1">Cycle</th>
          <th>Dives</th>
          <th>Spearman ρ [95 % CI]</th>
          <th>R-ℓ2 × 100 [95 % CI]</th>
          <th>Difficulty</th>
          <th>Sequence</th>
          <th>Arithmetic errors</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cycles.map((c) => (
          <tr key={c.cycleId} className={c.cycleId === currentCycleId ? "bg-indigo-50 font-medium" : ""}>
            <td className="py-1">
              <Link href={`/aqa/cycles/${c.cycleId}?mode=${mode}`} className="text-indigo-700 hover:underline">
                Cycle {c.index}
              </Link>{" "}
              <span className="text-xs text-slate-500">{c.status.toLowerCase()}</span>
            </td>
            <td>{c.metrics.dives}</td>
            <td>
              {formatNumber(c.metrics.spearman?.estimate, 3)} [{formatNumber(c.metrics.spearman?.low, 2)},{" "}
              {formatNumber(c.metrics.spearman?.high, 2)}]
            </td>
            <td>
              {formatNumber(c.metrics.relativeL2x100?.estimate, 3)} [{formatNumber(c.metrics.relativeL2x100?.low, 2)},{" "}
              {formatNumber(c.metrics.relativeL2x100?.high, 2)}]
            </td>
            <td>{formatPercent(c.metrics.difficultyAccuracy)}</td>
            <td>{formatPercent(c.metrics.sequenceAccuracy)}</td>
            <td>{formatPercent(c.metrics.arithmeticErrorShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
