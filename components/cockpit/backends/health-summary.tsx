import type { GetBackendsResponse } from "@/app/api/backends/route";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/formatters";

export function HealthSummary({ health }: { health: GetBackendsResponse["backends"][number]["lastHealth"] }) {
  if (!health) return <span className="text-slate-500">not checked yet</span>;
  const when = formatDateTime(health.checkedAt);
  return (
    <div className="space-y-1" data-testid="backend-health">
      <div className="flex flex-wrap items-center gap-2">
        {health.ok ? <Badge tone="success">up</Badge> : <Badge tone="danger">down</Badge>}
        <span className="text-xs text-slate-500">
          {when} · {health.latencyMs} ms{health.version ? ` · ${health.version}` : ""}
        </span>
      </div>
      {health.error && <p className="text-xs text-rose-700">{health.error}</p>}
      {health.warning && <p className="text-xs text-amber-700">{health.warning}</p>}
      {health.models.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Served models">
          {health.models.map((model) => (
            <li key={model.id} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" title={model.root ?? undefined}>
              {model.id}
              {model.parent ? <span className="text-slate-500"> (adapter of {model.parent})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
