import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors/domain-error";
import { queueDetail } from "@/lib/review";

/** The queue for a review page, or the 404 page when it does not exist for this person. */
export async function loadQueueForPage(user: SessionUser, rawQueueId: string) {
  const queueId = Number(rawQueueId);
  if (!Number.isInteger(queueId) || queueId <= 0) notFound();
  try {
    return await queueDetail(user, queueId);
  } catch (error) {
    if (isDomainError(error, "not-found")) notFound();
    throw error;
  }
}
