import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { QueueToAdjudicate } from "@/lib/review/adjudication/adjudicate";
import { formatNumber, formatStatus } from "@/lib/format/formatters";

/** The queues raters can disagree in, each linking to its Disagreements page. */
export function AdjudicationQueues({ queues }: { queues: QueueToAdjudicate[] }) {
  return (
    <DataTable
      framed
      label="Queues with overlap"
      rows={queues}
      rowKey={(queue) => queue.id}
      rowProps={() => ({ "data-testid": "adjudication-queue" })}
      empty="No queue gives its items to more than one person yet: disagreements need overlap above 1."
      columns={[
        {
          header: "Queue",
          cell: (queue) => (
            <Link href={`/review/${queue.id}/adjudicate`} className="text-indigo-700 hover:underline">
              {queue.name}
            </Link>
          ),
        },
        { header: "Cycle", cell: (queue) => (queue.runName === null ? "—" : `${queue.runName} · cycle ${queue.cycleIndex}`) },
        { header: "Status", cell: (queue) => formatStatus(queue.status) },
        { header: "People per item", cell: (queue) => queue.overlap, className: "text-right", headerClassName: "text-right" },
        {
          header: "Rated by two or more",
          cell: (queue) => formatNumber(queue.multiplyRated),
          className: "text-right",
          headerClassName: "text-right",
        },
        { header: "Adjudicated", cell: (queue) => formatNumber(queue.adjudicated), className: "text-right", headerClassName: "text-right" },
      ]}
    />
  );
}
