import type { HTMLAttributes, Key, ReactNode } from "react";

interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes for this column's cells, e.g. "font-mono text-xs" or "text-right". */
  className?: string;
  /** Classes for this column's header cell. */
  headerClassName?: string;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | undefined };

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Shown instead of the table when there are no rows; null shows nothing. Without it, the table shows its header alone. */
  empty?: ReactNode;
  /** A visible title above the table, which also names it for assistive technology. */
  caption?: ReactNode;
  /** The table's accessible name when it has no caption. */
  label?: string;
  /** Attributes of a row's <tr>: test ids, data attributes, a highlight. */
  rowProps?: (row: Row) => RowAttributes;
  /** A table on its own in the page: white, framed, with roomier cells. */
  framed?: boolean;
  className?: string;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/** A table of rows, one column per field, with the app's one look for lists of records. */
export function DataTable<Row>({ columns, rows, rowKey, empty, caption, label, rowProps, framed = false, className }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return empty === null ? null : <p className="text-sm text-slate-500">{empty}</p>;
  }
  const cellClass = framed ? "px-3 py-2" : "py-1 pr-3";
  return (
    <table
      aria-label={caption === undefined ? label : undefined}
      className={classes("w-full text-left text-sm", framed && "rounded-lg border border-slate-200 bg-white", className)}
    >
      {caption !== undefined && <caption className="mb-2 text-left text-sm font-medium text-slate-700">{caption}</caption>}
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          {columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life.
            <th key={index} className={classes(cellClass, column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => {
          const { className: rowClassName, ...attributes } = rowProps?.(row) ?? {};
          return (
            <tr key={rowKey(row)} className={rowClassName} {...attributes}>
              {columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life.
                <td key={index} className={classes(cellClass, column.className)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
