"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AUDIT_VERDICTS, AUDIT_VERDICT_LABELS } from "@/lib/review/constants";
import type { GroupMetrics } from "@/lib/review/metrics/compute-metrics";
import type { Proportion } from "@/lib/review/stats/wilson";
import { formatPercent } from "@/lib/format/formatters";
import { modeLabel } from "./format";

const MODE_COLORS: Record<string, string> = { ANSWER: "#0ea5e9", RATIONALIZATION: "#8b5cf6" };
const VERDICT_COLORS = { CORRECT: "#10b981", HALLUCINATED: "#ef4444", PARTLY_CORRECT: "#f59e0b", UNSURE: "#94a3b8" } as const;
const LINE_COLORS = ["#0ea5e9", "#8b5cf6", "#10b981", "#f97316", "#ec4899", "#64748b"];
const pct = (value: number) => formatPercent(value, 0);

/** A rate and its 95 % interval as recharts wants them: value, and [below, above] error lengths. */
function withError(proportion: Proportion): { value: number | null; error: [number, number]; interval: string } {
  if (proportion.rate === null) return { value: null, error: [0, 0], interval: "" };
  const low = proportion.low ?? proportion.rate;
  const high = proportion.high ?? proportion.rate;
  return { value: proportion.rate, error: [proportion.rate - low, high - proportion.rate], interval: `${pct(low)}–${pct(high)}` };
}

/** Hallucination rate per dataset, one bar per mode, with Wilson 95 % intervals. */
export function HallucinationByDatasetChart({ groups }: { groups: readonly GroupMetrics[] }) {
  const datasets = [...new Set(groups.map((g) => g.dims.datasetName ?? g.label))];
  const modes = [...new Set(groups.map((g) => g.dims.mode ?? ""))].filter(Boolean);
  const data = datasets.map((dataset) => {
    const row: Record<string, unknown> = { dataset };
    for (const mode of modes) {
      const group = groups.find((g) => g.dims.datasetName === dataset && g.dims.mode === mode);
      if (!group) continue;
      const { value, error, interval } = withError(group.hallucination);
      row[mode] = value;
      row[`${mode}_error`] = error;
      row[`${mode}_interval`] = interval;
      row[`${mode}_n`] = group.hallucination.n;
    }
    return row;
  });
  return (
    <ChartFrame title="Hallucination rate by dataset and mode (95 % Wilson interval)" empty={data.length === 0}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="dataset" />
        <YAxis domain={[0, 1]} tickFormatter={pct} />
        <Tooltip formatter={(value) => (typeof value === "number" ? pct(value) : String(value))} />
        <Legend formatter={(value: string) => modeLabel(value)} />
        {modes.map((mode) => (
          <Bar key={mode} dataKey={mode} name={mode} fill={MODE_COLORS[mode] ?? "#64748b"} isAnimationActive={false}>
            <ErrorBar dataKey={`${mode}_error`} width={6} stroke="#1e293b" strokeWidth={1.5} />
            <LabelList dataKey={`${mode}_interval`} position="insideTop" fill="#fff" fontSize={11} />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** Verifier precision (label present among passed) and miss rate (label present among failed) per dataset. */
export function VerifierChart({ groups }: { groups: readonly GroupMetrics[] }) {
  const data = groups.map((group) => {
    const precision = withError(group.precision);
    const miss = withError(group.missRate);
    return {
      dataset: group.label,
      precision: precision.value,
      precision_error: precision.error,
      precision_interval: precision.interval,
      miss: miss.value,
      miss_error: miss.error,
      miss_interval: miss.interval,
    };
  });
  return (
    <ChartFrame title="Verifier: label present among passed (precision) and among failed (miss rate)" empty={data.length === 0}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="dataset" />
        <YAxis domain={[0, 1]} tickFormatter={pct} />
        <Tooltip formatter={(value) => (typeof value === "number" ? pct(value) : String(value))} />
        <Legend />
        <Bar dataKey="precision" name="Precision (passed)" fill="#10b981" isAnimationActive={false}>
          <ErrorBar dataKey="precision_error" width={6} stroke="#1e293b" strokeWidth={1.5} />
          <LabelList dataKey="precision_interval" position="insideTop" fill="#fff" fontSize={11} />
        </Bar>
        <Bar dataKey="miss" name="Miss rate (failed)" fill="#f97316" isAnimationActive={false}>
          <ErrorBar dataKey="miss_error" width={6} stroke="#1e293b" strokeWidth={1.5} />
          <LabelList dataKey="miss_interval" position="insideTop" fill="#fff" fontSize={11} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Hallucination across cycles, one line per dataset × mode (the paper's figure 13, from people). */
export function HallucinationByCycleChart({ groups, title }: { groups: readonly GroupMetrics[]; title: string }) {
  const cycles = [...new Set(groups.map((g) => g.dims.cycleIndex ?? 0))].sort((a, b) => a - b);
  const series = [...new Set(groups.map((g) => `${g.dims.datasetName} · ${modeLabel(g.dims.mode ?? "")}`))];
  const data = cycles.map((cycle) => {
    const row: Record<string, unknown> = { cycle: `Cycle ${cycle}` };
    for (const group of groups.filter((g) => g.dims.cycleIndex === cycle))
      row[`${group.dims.datasetName} · ${modeLabel(group.dims.mode ?? "")}`] = group.hallucination.rate;
    return row;
  });
  return (
    <ChartFrame title={title} empty={data.length === 0}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="cycle" />
        <YAxis domain={[0, 1]} tickFormatter={pct} />
        <Tooltip formatter={(value) => (typeof value === "number" ? pct(value) : String(value))} />
        <Legend />
        {series.map((name, index) => (
          <Line
            key={name}
            dataKey={name}
            stroke={LINE_COLORS[index % LINE_COLORS.length]}
            strokeDasharray={name.endsWith("Rationalization") ? "5 3" : undefined}
            dot
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

/** How people judged, per mode: a stacked bar of verdicts. */
export function VerdictMixChart({ groups }: { groups: readonly GroupMetrics[] }) {
  const data = groups.map((group) => ({ mode: group.label, ...group.verdicts }));
  return (
    <ChartFrame title="Verdicts per mode" empty={data.length === 0}>
      <BarChart data={data} layout="vertical">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="mode" width={120} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {AUDIT_VERDICTS.map((verdict) => (
          <Bar
            key={verdict}
            dataKey={verdict}
            name={AUDIT_VERDICT_LABELS[verdict]}
            stackId="v"
            fill={VERDICT_COLORS[verdict]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** Submitted audits per hour. */
export function ThroughputChart({ buckets }: { buckets: readonly { hour: string; submitted: number }[] }) {
  const data = buckets.map((bucket) => ({ hour: `${bucket.hour.slice(5, 13).replace("T", " ")}h`, submitted: bucket.submitted }));
  return (
    <ChartFrame title="Audits submitted per hour" empty={data.length === 0}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="hour" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="submitted" name="Audits" fill="#6366f1" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

function ChartFrame({ title, empty, children }: { title: string; empty: boolean; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      {empty ? (
        <p className="py-10 text-center text-sm text-slate-400">No audits yet.</p>
      ) : (
        <div className="mt-2 h-64">
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
