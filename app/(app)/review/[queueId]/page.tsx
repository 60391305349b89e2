import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { QueueOverview } from "@/components/review/queue-overview";
import { canManageQueues } from "@/lib/review/access";
import { loadQueueForPage } from "../_lib/load-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ queueId: string }>;
  searchParams: Promise<{ finished?: string }>;
}) {
  const user = await requireUser("review");
  const queue = await loadQueueForPage(user, (await params).queueId);
  return (
    <QueueOverview
      queue={{
        id: queue.id,
        name: queue.name,
        status: queue.status,
        sampling: queue.sampling,
        size: queue.size,
        overlap: queue.overlap,
        blind: queue.blind,
        leaseSeconds: queue.leaseSeconds,
        runName: queue.cycle?.run.name ?? null,
        cycleIndex: queue.cycle?.index ?? null,
        members: (queue.members ?? []).map(({ id, name }) => ({ id, name })),
      }}
      canManage={canManageQueues(user)}
      finished={(await searchParams).finished === "1"}
    />
  );
}
