import { formatNumber } from "@/lib/format/formatters";

/** "train 3 · val 1": counts by name, largest first. */
export function CountList({
  counts,
  emptyName = "none",
  lowercase = false,
}: {
  counts: Record<string, number>;
  emptyName?: string;
  lowercase?: boolean;
}) {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
      {entries.map(([name, count]) => (
        <li key={name} className="whitespace-nowrap">
          <span className="text-slate-600">{name === "" ? emptyName : lowercase ? name.toLowerCase() : name}</span>{" "}
          <span className="tabular-nums font-medium">{formatNumber(count)}</span>
        </li>
      ))}
    </ul>
  );
}
