import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { AdjudicationView } from "@/components/review/adjudication-view";
import { ACCESS } from "@/lib/auth/roles";
import { isDomainError } from "@/lib/errors/domain-error";
import { queueForOverseer } from "@/lib/review/queues/queue-access";

export const metadata: Metadata = { title: "Disagreements" };

export default async function AdjudicatePage({ params }: { params: Promise<{ queueId: string }> }) {
  // Admins, researchers and PIs record final verdicts; annotators get 403.
  const user = await requireUser("researchOrPi");
  const queueId = Number((await params).queueId);
  if (!Number.isInteger(queueId) || queueId <= 0) notFound();
  const queue = await queueForOverseer(user, queueId).catch((error: unknown) => {
    if (isDomainError(error, "not-found")) notFound();
    throw error;
  });
  const canOpenQueue = (ACCESS.review as readonly string[]).includes(user.role);
  return <AdjudicationView queueId={queue.id} queueName={queue.name} canOpenQueue={canOpenQueue} />;
}
