import type { ComparisonRow } from "@/lib/cockpit/charts/comparison-rows";
import { formatPercent } from "@/lib/format/formatters";

export function ComparisonTable({ title, rows, a, b }: { title: string; rows: ComparisonRow[]; a: string; b: string }) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-sm" aria-label={title}>
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          <th className="py-1">{title}</th>
          <th>{a}</th>
          <th>{b}</th>
          <th>change</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.category}>
            <td className="py-1">{row.category}</td>
            <td>
              {formatPercent(row.a)} <span className="text-xs text-slate-500">{row.detailA}</span>
            </td>
            <td>
              {formatPercent(row.b)} <span className="text-xs text-slate-500">{row.detailB}</span>
            </td>
            <td className={row.delta === null ? "" : row.delta > 0 ? "text-emerald-700" : row.delta < 0 ? "text-rose-700" : ""}>
              {row.delta === null ? "—" : `${row.delta > 0 ? "+" : ""}${(row.delta * 100).toFixed(1)} pt`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
