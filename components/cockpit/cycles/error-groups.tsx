import type { GetCockpitCycleErrorsResponse } from "@/app/api/cockpit/cycles/[id]/errors/route";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format/formatters";

type ErrorGroup = GetCockpitCycleErrorsResponse["groups"][number];

/** Item errors grouped by stage and reason; a group's retry resumes the run with that reason's given-up items. */
export function ErrorGroups({
  groups,
  canRetry,
  retryHint,
  onRetry,
  retrying,
}: {
  groups: ErrorGroup[];
  canRetry: boolean;
  retryHint: string;
  onRetry: (group: ErrorGroup) => void;
  retrying: boolean;
}) {
  return (
    <DataTable
      label="Errors by reason"
      rows={groups}
      rowKey={(group) => `${group.stage}-${group.reason}`}
      empty="No item errors."
      columns={[
        { header: "Stage", cell: (group) => group.stage.toLowerCase() },
        { header: "Reason", cell: (group) => group.reason, className: "font-mono text-xs" },
        { header: "Items", cell: (group) => formatNumber(group.count) },
        {
          header: "Example",
          cell: (group) => <span title={group.sampleMessage}>{group.sampleMessage}</span>,
          className: "max-w-md truncate text-xs text-slate-600",
        },
        {
          header: null,
          cell: (group) => (
            <Button variant="secondary" size="sm" disabled={!canRetry || retrying} title={retryHint} onClick={() => onRetry(group)}>
              Retry
            </Button>
          ),
        },
      ]}
    />
  );
}
