import type { GetCycleBenchmarksResponse } from "@/app/api/cycles/[id]/benchmarks/route";
import { formatNumber } from "@/lib/format/formatters";

type Task = GetCycleBenchmarksResponse["tasks"][number];

const WIDTH = 360;
const HEIGHT = 180;
const PAD = { left: 40, right: 12, top: 14, bottom: 28 };

/**
 * The change from the base model per cycle (points), its 95% interval as a whisker, a zero line
 * and the paper's published gain as a dashed reference line.
 */
export function BenchmarkChangeChart({ task, cycleIndexes }: { task: Task; cycleIndexes?: number[] }) {
  const rows = task.rows.filter((r) => r.change && (!cycleIndexes || cycleIndexes.includes(r.cycleIndex)));
  if (rows.length === 0)
    return <p className="text-xs text-slate-500">No change to draw yet: the base model and a cycle are both needed.</p>;
  const values = rows.flatMap((r) => [
    r.change?.points ?? 0,
    r.change?.low ?? r.change?.points ?? 0,
    r.change?.high ?? r.change?.points ?? 0,
  ]);
  const reference = task.reference?.points ?? null;
  const lo = Math.min(0, ...values, reference ?? 0);
  const hi = Math.max(0, ...values, reference ?? 0);
  const span = hi - lo || 1;
  const y = (v: number) => PAD.top + ((hi - v) / span) * (HEIGHT - PAD.top - PAD.bottom);
  const step = (WIDTH - PAD.left - PAD.right) / rows.length;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-md"
      role="img"
      aria-label={`Change from the base model on ${task.task}`}
      data-testid={`benchmark-chart-${task.task}`}
    >
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
      <text x={PAD.left - 4} y={y(0) + 3} fontSize="9" textAnchor="end" fill="#475569">
        0
      </text>
      <text x={PAD.left - 4} y={y(hi) + 3} fontSize="9" textAnchor="end" fill="#475569">
        {formatNumber(hi, 1)}
      </text>
      {lo < 0 && (
        <text x={PAD.left - 4} y={y(lo) + 3} fontSize="9" textAnchor="end" fill="#475569">
          {formatNumber(lo, 1)}
        </text>
      )}
      {reference !== null && (
        <g data-testid="paper-reference">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(reference)} y2={y(reference)} stroke="#e11d48" strokeDasharray="4 3" />
          <text x={WIDTH - PAD.right} y={y(reference) - 3} fontSize="9" textAnchor="end" fill="#be123c">
            paper +{reference}
          </text>
        </g>
      )}
      {rows.map((row, i) => {
        const change = row.change;
        if (!change) return null;
        const barTop = Math.min(y(change.points), y(0));
        return (
          <g key={row.cycleIndex}>
            <rect
              x={x(i) - 10}
              width={20}
              y={barTop}
              height={Math.max(1, Math.abs(y(change.points) - y(0)))}
              fill="#6366f1"
              opacity={0.8}
            />
            {change.low !== null && change.high !== null && (
              <g stroke="#1e293b">
                <line x1={x(i)} x2={x(i)} y1={y(change.low)} y2={y(change.high)} />
                <line x1={x(i) - 5} x2={x(i) + 5} y1={y(change.low)} y2={y(change.low)} />
                <line x1={x(i) - 5} x2={x(i) + 5} y1={y(change.high)} y2={y(change.high)} />
              </g>
            )}
            <text x={x(i)} y={HEIGHT - 10} fontSize="10" textAnchor="middle" fill="#334155">
              cycle {row.cycleIndex}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
