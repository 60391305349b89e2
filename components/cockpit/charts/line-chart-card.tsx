"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesTable } from "@/lib/cockpit/charts/chart-series";
import { formatPercent } from "@/lib/format/formatters";

const COLORS = ["#4f46e5", "#059669", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#65a30d", "#db2777"];

/** A line chart of shares (0–1) across cycles, shown as percentages. */
export function ShareLineChart({ title, table, empty, testId }: { title: string; table: SeriesTable; empty: string; testId: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-label={title} data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      {table.series.length === 0 ? (
        <p className="py-10 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={table.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="cycle" tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, 0)} tick={{ fontSize: 11 }} width={44} />
              <Tooltip formatter={(value) => (typeof value === "number" ? formatPercent(value) : String(value))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {table.series.map((key, index) => (
                <Line
                  key={key}
                  type="monotone"
                  dataKey={key}
                  stroke={COLORS[index % COLORS.length]}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
