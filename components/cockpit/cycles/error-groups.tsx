import type { ErrorGroup } from "@/lib/cockpit/cycles/cycle-progress-repository";
import { formatNumber } from "@/lib/format/formatters";
import { buttonClass } from "../ui";

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
  if (groups.length === 0) return <p className="text-sm text-slate-500">No item errors.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Errors by reason">
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          <th className="py-1">Stage</th>
          <th>Reason</th>
          <th>Items</th>
          <th>Example</th>
          <th />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((group) => (
          <tr key={`${group.stage}-${group.reason}`}>
            <td className="py-1">{group.stage.toLowerCase()}</td>
            <td className="font-mono text-xs">{group.reason}</td>
            <td>{formatNumber(group.count)}</td>
            <td className="max-w-md truncate text-xs text-slate-600" title={group.sampleMessage}>
              {group.sampleMessage}
            </td>
            <td>
              <button
                type="button"
                className={buttonClass}
                disabled={!canRetry || retrying}
                title={retryHint}
                onClick={() => onRetry(group)}
              >
                Retry
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
