import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { MetricsDashboard } from "@/components/review/metrics-dashboard";
import { canManageQueues } from "@/lib/review/access";
import { loadQueueForPage } from "../../_lib/load-queue";

export const metadata: Metadata = { title: "Review metrics" };

export default async function QueueMetricsPage({ params }: { params: Promise<{ queueId: string }> }) {
  const user = await requireUser("review");
  const queue = await loadQueueForPage(user, (await params).queueId);
  // The run-wide view (every queue of the run's cycles) is for those who manage queues.
  const runId = canManageQueues(user) ? (queue.cycle?.run.id ?? null) : null;
  return <MetricsDashboard queueId={queue.id} queueName={queue.name} runId={runId} />;
}
