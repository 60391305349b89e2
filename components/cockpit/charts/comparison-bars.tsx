"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/formatters";

/** Two cycles' shares per category (dataset · mode) as grouped bars. */
export function ComparisonBars({ rows, a, b }: { rows: { category: string; a: number | null; b: number | null }[]; a: string; b: string }) {
  if (rows.length === 0) return null;
  return (
    <div className="h-64 w-full" data-testid="comparison-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="category" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, 0)} tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={(value) => (typeof value === "number" ? formatPercent(value) : String(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="a" name={a} fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="b" name={b} fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
