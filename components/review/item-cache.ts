import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";

type ItemDetail = GetReviewQueueItemResponse;
type SavedAudit = PutReviewQueueItemAuditResponse;

const versionOf = (detail: ItemDetail | undefined) => detail?.audit?.version ?? 0;

/**
 * The cached item once an audit save has answered: its audit becomes the saved one, so leaving the
 * item and coming back shows what was saved, never the draft it was opened with. An older answer
 * (saves finishing out of order) changes nothing.
 */
export function withSavedAudit(detail: ItemDetail, saved: SavedAudit): ItemDetail {
  if (versionOf(detail) >= saved.version) return detail;
  const { assignment, ...audit } = saved;
  return {
    ...detail,
    audit,
    auditFinal: detail.queue.blind && audit.submittedAt !== null,
    assignment: detail.assignment && { ...detail.assignment, status: assignment.status, leaseExpiresAt: assignment.leaseExpiresAt },
  };
}

/**
 * A refetched item against the one in the cache: a fetch that started before a save committed
 * answers with the older audit, which must not replace the newer one the save put in the cache.
 */
export function keepNewerAudit(cached: ItemDetail | undefined, fresh: ItemDetail): ItemDetail {
  if (!cached || versionOf(cached) <= versionOf(fresh)) return fresh;
  return { ...fresh, audit: cached.audit, auditFinal: cached.auditFinal, assignment: cached.assignment };
}
