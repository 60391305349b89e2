import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { MetricsDashboard } from "@/components/review/metrics-dashboard";
import { loadQueueForPage } from "../../_lib/load-queue";

export const metadata: Metadata = { title: "Review metrics" };

export default async function QueueMetricsPage({ params }: { params: Promise<{ queueId: string }> }) {
  // Every rater's progress and gold accuracy: for those who manage queues, not for annotators.
  const user = await requireUser("research");
  const queue = await loadQueueForPage(user, (await params).queueId);
  return <MetricsDashboard queueId={queue.id} queueName={queue.name} runId={queue.cycle?.run.id ?? null} />;
}
