"use client";

import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/aqa-review/run-trend";
import { formatPercent, MISSING } from "@/lib/format/formatters";
import { SimulatedBadge } from "@/components/ui/badge";
import { seriesStyle, UNCERTAIN_N } from "@/components/cockpit/charts/chart-style";

interface Row {
  cycle: string;
  /** What each figure is over: answers stating a score; answers asked for the difficulty / sub-actions; all dives. */
  scored: number;
  difficultyAsked: number;
  sequenceAsked: number;
  dives: number;
  current: boolean;
  spearman: number | null;
  spearmanError: [number, number];
  relativeL2: number | null;
  relativeL2Error: [number, number];
  difficulty: number | null;
  sequence: number | null;
  arithmetic: number | null;
}

function errorBar(interval: { estimate: number | null; low: number | null; high: number | null } | null): [number, number] {
  if (!interval || interval.estimate === null || interval.low === null || interval.high === null) return [0, 0];
  return [interval.estimate - interval.low, interval.high - interval.estimate];
}

function toRows(cycles: TrendPoint[], currentCycleId: number): Row[] {
  return cycles.map((c) => ({
    cycle: `cycle ${c.index}`,
    current: c.cycleId === currentCycleId,
    scored: c.metrics.scored,
    difficultyAsked: c.metrics.difficultyAsked,
    sequenceAsked: c.metrics.sequenceAsked,
    dives: c.metrics.dives,
    spearman: c.metrics.spearman?.estimate ?? null,
    spearmanError: errorBar(c.metrics.spearman),
    relativeL2: c.metrics.relativeL2x100?.estimate ?? null,
    relativeL2Error: errorBar(c.metrics.relativeL2x100),
    difficulty: c.metrics.difficultyAccuracy,
    sequence: c.metrics.sequenceAccuracy,
    arithmetic: c.metrics.arithmeticErrorShare,
  }));
}

/** A point of a share over n answers: hollow and dashed when n is too small to be more than an anecdote. */
function shareDot(nOf: (row: Row) => number) {
  return (props: unknown) => {
    const { cx, cy, stroke, payload, value, index } = props as {
      cx?: number;
      cy?: number;
      stroke?: string;
      payload?: Row;
      value?: number | null;
      index?: number;
    };
    if (cx === undefined || cy === undefined || value === null || value === undefined || !payload) return <g key={`none-${index}`} />;
    const n = nOf(payload);
    const few = n <= UNCERTAIN_N;
    return (
      <circle
        key={`dot-${index}`}
        cx={cx}
        cy={cy}
        r={few ? 5 : 3.5}
        fill={few ? "white" : stroke}
        stroke={stroke}
        strokeWidth={1.5}
        strokeDasharray={few ? "2 2" : undefined}
        data-testid="trend-point"
        data-n={n}
      >
        <title>{`${payload.cycle}: n = ${n}`}</title>
      </circle>
    );
  };
}

/** How ρ, relative ℓ2 and the accuracies move across the run's cycles, with 95 % intervals and anchors. */
export function CycleTrend({
  cycles,
  currentCycleId,
  anchors,
}: {
  cycles: TrendPoint[];
  currentCycleId: number;
  anchors: { spearman: number; relativeL2x100: number };
}) {
  const rows = toRows(cycles, currentCycleId);
  const percent = (value: unknown) => (typeof value === "number" ? formatPercent(value, 0) : MISSING);
  const simulated = cycles.filter((c) => c.metrics.simulated > 0);
  return (
    <section className="space-y-2" aria-label="Metrics across cycles">
      {simulated.length > 0 && (
        <p className="text-xs text-violet-900" data-testid="trend-simulated">
          <SimulatedBadge /> Cycle{simulated.length > 1 ? "s" : ""} {simulated.map((c) => c.index).join(", ")}: answers from a simulated
          backend.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Chart title="Spearman ρ (95 % CI)">
          {anchoredMetric({
            rows,
            dataKey: "spearman",
            errorKey: "spearmanError",
            name: "ρ",
            anchor: anchors.spearman,
            yAxis: (
              <YAxis
                domain={[-1, 1]}
                ticks={[-1, -0.5, 0, 0.5, 1]}
                allowDataOverflow
                tickFormatter={(v: number) => v.toFixed(1)}
                width={48}
                label={{ value: "ρ", angle: -90, position: "insideLeft", fontSize: 11 }}
              />
            ),
          })}
        </Chart>
        <Chart title="Relative ℓ2 × 100 (95 % CI)">
          {anchoredMetric({
            rows,
            dataKey: "relativeL2",
            errorKey: "relativeL2Error",
            name: "R-ℓ2 × 100",
            anchor: anchors.relativeL2x100,
            yAxis: (
              <YAxis
                domain={[0, "auto"]}
                tickFormatter={(v: number) => String(Math.round(v * 100) / 100)}
                width={52}
                label={{ value: "R-ℓ2 × 100", angle: -90, position: "insideLeft", fontSize: 11, style: { textAnchor: "middle" } }}
              />
            ),
          })}
        </Chart>
        <Chart title="Accuracies and arithmetic errors (hollow points: n = 1)">
          <LineChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="cycle" interval={0} tick={{ fontSize: 11 }} padding={{ left: 24, right: 24 }} />
            <YAxis
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              allowDataOverflow
              tickFormatter={percent}
              width={68}
              label={{ value: "share of answers", angle: -90, position: "insideLeft", fontSize: 11, style: { textAnchor: "middle" } }}
            />
            <Tooltip
              formatter={(value, name, entry) => {
                const row = entry.payload as Row;
                const n = name === "difficulty" ? row.difficultyAsked : name === "sequence" ? row.sequenceAsked : row.dives;
                return `${percent(value)} (n = ${n})`;
              }}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              type="linear"
              dataKey="difficulty"
              name="difficulty"
              {...seriesStyle(0)}
              dot={shareDot((row) => row.difficultyAsked)}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="sequence"
              name="sequence"
              {...seriesStyle(1)}
              dot={shareDot((row) => row.sequenceAsked)}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="arithmetic"
              name="arithmetic errors"
              {...seriesStyle(2)}
              dot={shareDot((row) => row.dives)}
              isAnimationActive={false}
            />
          </LineChart>
        </Chart>
      </div>
    </section>
  );
}

/** One metric across cycles with its 95 % error bars and the published figure as a dashed line. */
function anchoredMetric({
  rows,
  dataKey,
  errorKey,
  name,
  anchor,
  yAxis,
}: {
  rows: Row[];
  dataKey: keyof Row;
  errorKey: keyof Row;
  name: string;
  anchor: number;
  yAxis: React.ReactElement;
}) {
  // A function, not a component: recharts reads its children's types, so LineChart must be returned as is.
  return (
    <LineChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="cycle" interval={0} tick={{ fontSize: 11 }} padding={{ left: 24, right: 24 }} />
      {yAxis}
      <Tooltip
        formatter={(value, _name, entry) =>
          typeof value === "number" ? `${value.toFixed(3)} (n = ${(entry.payload as Row).scored} scored)` : String(value)
        }
      />
      <ReferenceLine
        y={anchor}
        stroke="#4f46e5"
        strokeDasharray="4 4"
        label={{ value: `published ${anchor}`, position: "insideTopRight", fontSize: 11 }}
      />
      <Line type="linear" dataKey={dataKey} name={name} stroke="#1f2937" isAnimationActive={false}>
        <ErrorBar dataKey={errorKey} width={4} stroke="#64748b" />
      </Line>
    </LineChart>
  );
}

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
