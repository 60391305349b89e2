import { DataTable } from "@/components/ui/data-table";
import type { ComparisonRow } from "@/lib/cockpit/charts/comparison-rows";
import { formatPercent } from "@/lib/format/formatters";

const deltaClass = (delta: number | null) => (delta === null ? "" : delta > 0 ? "text-emerald-700" : delta < 0 ? "text-rose-700" : "");

export function ComparisonTable({ title, rows, a, b }: { title: string; rows: ComparisonRow[]; a: string; b: string }) {
  return (
    <DataTable
      label={title}
      rows={rows}
      rowKey={(row) => row.category}
      empty={null}
      columns={[
        { header: title, cell: (row) => row.category },
        {
          header: a,
          cell: (row) => (
            <>
              {formatPercent(row.a)} <span className="text-xs text-slate-500">{row.detailA}</span>
            </>
          ),
        },
        {
          header: b,
          cell: (row) => (
            <>
              {formatPercent(row.b)} <span className="text-xs text-slate-500">{row.detailB}</span>
            </>
          ),
        },
        {
          header: "change",
          cell: (row) => (
            <span className={deltaClass(row.delta)}>
              {row.delta === null ? "—" : `${row.delta > 0 ? "+" : ""}${(row.delta * 100).toFixed(1)} pt`}
            </span>
          ),
        },
      ]}
    />
  );
}
