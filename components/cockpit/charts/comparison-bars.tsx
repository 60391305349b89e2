"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/formatters";
import { seriesStyle } from "./chart-style";

const percentLabel = (value: unknown) => (typeof value === "number" ? formatPercent(value, 0) : "");

/**
 * Two cycles' shares per category (dataset · mode) as grouped bars. Every bar carries its value, and a
 * 0 % bar keeps a sliver of height, so "none" is seen and not mistaken for "no data".
 */
export function ComparisonBars({
  rows,
  a,
  b,
  yLabel,
}: {
  rows: { category: string; a: number | null; b: number | null }[];
  a: string;
  b: string;
  yLabel: string;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="h-72 w-full" data-testid="comparison-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="category"
            interval={0}
            tick={{ fontSize: 11 }}
            height={40}
            label={{ value: "dataset · mode", position: "insideBottom", offset: 0, fontSize: 11 }}
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(value: number) => formatPercent(value, 0)}
            tick={{ fontSize: 11 }}
            width={56}
            label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, style: { textAnchor: "middle" } }}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? formatPercent(value) : "no data")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="a" name={a} fill={seriesStyle(0).stroke} minPointSize={3} isAnimationActive={false}>
            <LabelList dataKey="a" position="top" fontSize={10} formatter={percentLabel} />
          </Bar>
          <Bar dataKey="b" name={b} fill={seriesStyle(1).stroke} minPointSize={3} isAnimationActive={false}>
            <LabelList dataKey="b" position="top" fontSize={10} formatter={percentLabel} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
