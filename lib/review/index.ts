/**
 * Review: queues sampled from a cycle's generations, items handed out with an atomic lock and a
 * lease, audits (one per person and generation), and the metrics people's judgements give —
 * hallucination rate, verifier precision and miss rate, agreement.
 *
 * Server-only (it talks to the database). Client components import the pure modules directly
 * (constants, answer/answer-runs, ground-truth/ground-truth) and take response shapes from the
 * app/api/review routes.
 */
export * from "./constants";
export {
  createQueueSchema,
  updateQueueSchema,
} from "./schemas/queue-schemas";
export { auditPatchSchema } from "./schemas/audit-schemas";
export { createQueue } from "./queues/create-queue";
export { listQueues } from "./queues/list-queues";
export { queueForUser } from "./queues/queue-access";
export { updateQueue } from "./queues/update-queue";
export { queueDetail, deleteQueue, listAssignableUsers, listCycles } from "./queues/queue-repository";
export { claimNextItem } from "./claims/claim-next";
export { releaseItem } from "./claims/release";
export { saveAudit } from "./audits/save-audit";
export { itemDetail } from "./items/item-detail";
export { listQueueItems } from "./items/list-items";
export { listMyHistory } from "./items/history";
export { queueMetrics, runMetrics } from "./metrics/queue-metrics";
