"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesTable } from "@/lib/cockpit/charts/chart-series";
import { formatPercent } from "@/lib/format/formatters";
import { SimulatedBadge } from "@/components/ui/badge";
import { seriesStyle, UNCERTAIN_N } from "./chart-style";

interface DotProps {
  cx?: number;
  cy?: number;
  stroke?: string;
  value?: number | null;
  payload?: Record<string, unknown>;
  dataKey?: string;
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: number };
}

/** A cycle's name under its tick: "cycle n" over the run's name, so every cycle is named and none is cut off. */
function CycleTick({ x = 0, y = 0, payload, label }: TickProps & { label: (cycleId: number) => string }) {
  const text = payload ? label(payload.value) : "";
  const at = text.lastIndexOf(" · ");
  const [run, cycle] = at >= 0 ? [text.slice(0, at), text.slice(at + 3)] : ["", text];
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fontSize={10} fill="#334155">
        <tspan x={0} dy={12}>
          {cycle}
        </tspan>
        <tspan x={0} dy={12} fill="#64748b">
          {run.length > 22 ? `${run.slice(0, 21)}…` : run}
        </tspan>
        <title>{text}</title>
      </text>
    </g>
  );
}

const PLOT_HEIGHT = 260;
const LEGEND_LINE_HEIGHT = 20;

/**
 * A line chart of shares (0–1) across cycles: one line per run and metric (never joined across runs
 * or over a cycle without a value), every cycle named on the x axis, n printed at each point, and
 * points over n ≤ 1 hollow and dashed.
 */
export function ShareLineChart({
  title,
  table,
  empty,
  testId,
  yLabel,
}: {
  title: string;
  table: SeriesTable;
  empty: string;
  testId: string;
  /** What the shares are (the y axis' label). */
  yLabel: string;
}) {
  const labels = new Map(table.rows.map((row) => [row.cycleId, String(row.cycle)]));
  const pointOf = (payload: Record<string, unknown> | undefined, key: string | undefined) =>
    payload && key ? table.points[Number(payload.cycleId)]?.[key] : undefined;
  const renderDot = (props: unknown, seriesIndex: number) => {
    const { cx, cy, stroke, value, payload, dataKey } = props as DotProps;
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g key={`${dataKey}-${cx}`} />;
    const point = pointOf(payload, dataKey);
    const n = point?.n ?? 0;
    const uncertain = n <= UNCERTAIN_N;
    return (
      <g key={`${dataKey}-${String(payload?.cycleId)}`} data-testid="chart-point" data-n={n} data-uncertain={uncertain}>
        <circle
          cx={cx}
          cy={cy}
          r={uncertain ? 5 : 3.5}
          fill={uncertain ? "white" : stroke}
          stroke={stroke}
          strokeWidth={uncertain ? 1.5 : 1}
          strokeDasharray={uncertain ? "2 2" : undefined}
        >
          <title>{`${dataKey}: ${formatPercent(value)} of n = ${n}${point?.givenUp ? `, ${point.givenUp} given up` : ""}`}</title>
        </circle>
        {/* Beside the point, alternating sides by series, so the n of lines that meet stay readable. */}
        <text
          x={cx + (seriesIndex % 2 === 0 ? -7 : 7)}
          y={cy - 6 - 9 * (Math.floor(seriesIndex / 2) % 2)}
          textAnchor={seriesIndex % 2 === 0 ? "end" : "start"}
          fontSize={9}
          fill="#475569"
        >
          n {n}
        </text>
      </g>
    );
  };
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-label={title} data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      {table.series.length === 0 ? (
        <p className="py-10 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <>
          {/* The legend wraps one long series name a line: the chart grows with it, or the legend of many runs leaves the plot no room. */}
          <div className="w-full" style={{ height: PLOT_HEIGHT + LEGEND_LINE_HEIGHT * table.series.length }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={table.rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis
                  dataKey="cycleId"
                  type="category"
                  interval={0}
                  tick={(props: unknown) => <CycleTick {...(props as TickProps)} label={(id) => labels.get(id) ?? String(id)} />}
                  padding={{ left: 36, right: 36 }}
                  height={58}
                  label={{ value: "cycle", position: "insideBottomRight", offset: 0, fontSize: 11 }}
                />
                <YAxis
                  domain={[0, 1]}
                  tickFormatter={(value: number) => formatPercent(value, 0)}
                  tick={{ fontSize: 11 }}
                  width={56}
                  label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, style: { textAnchor: "middle" } }}
                />
                <Tooltip
                  labelFormatter={(id) => labels.get(id as number) ?? String(id)}
                  formatter={(value, name, entry) => {
                    const point = pointOf(entry.payload as Record<string, unknown>, String(name));
                    const share = typeof value === "number" ? formatPercent(value) : String(value);
                    return `${share} (n = ${point?.n ?? 0}${point?.givenUp ? `, ${point.givenUp} given up` : ""})`;
                  }}
                />
                <Legend wrapperStyle={{ fontSize: 12, paddingTop: 4 }} />
                {table.series.map((series, index) => (
                  <Line
                    key={series.key}
                    type="linear"
                    dataKey={series.key}
                    {...seriesStyle(index)}
                    strokeWidth={2}
                    dot={(props: unknown) => renderDot(props, index)}
                    activeDot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            n: what each share is over. Hollow dashed points rest on a single item. Lines join a run&apos;s consecutive cycles only.
          </p>
          {table.simulated.length > 0 && (
            <p className="mt-1 text-xs text-violet-900" data-testid={`${testId}-simulated`}>
              <SimulatedBadge /> from a simulated backend: {table.simulated.join(", ")}
            </p>
          )}
        </>
      )}
    </figure>
  );
}
