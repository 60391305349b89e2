/**
 * Review: queues sampled from a cycle's generations, items handed out with an atomic lock and a
 * lease, audits (one per person and generation), and the metrics people's judgements give —
 * hallucination rate, verifier precision and miss rate, agreement.
 *
 * Server-only (it talks to the database). Client components import the pure modules directly
 * (constants, answer/answer-runs, ground-truth/ground-truth, items/item-detail-types).
 */
export * from "./constants";
export { canManageQueues, type ReviewUser } from "./access";
export {
  createQueueSchema,
  updateQueueSchema,
  goldAnswerSchema,
  type CreateQueue,
  type CreateQueueInput,
  type UpdateQueue,
  type GoldAnswer,
} from "./schemas/queue-schemas";
export { auditPatchSchema, type AuditPatch, type HallucinatedSpan, type SpanInput } from "./schemas/audit-schemas";
export { parseVerdictMatches, type PartMatchView } from "./schemas/verdict-matches";
export type { Page } from "./schemas/cursor";
export { createQueue, addMembers, type CreatedQueue, type StratumAllocation } from "./queues/create-queue";
export { listQueues, type QueueSummary } from "./queues/list-queues";
export { queueForUser, type QueueSettings } from "./queues/queue-access";
export { updateQueue } from "./queues/update-queue";
export { queueDetail, deleteQueue, listAssignableUsers, listCycles } from "./queues/queue-repository";
export { claimNextItem, type Claim } from "./claims/claim-next";
export { releaseItem } from "./claims/release";
export { saveAudit, type AuditView } from "./audits/save-audit";
export { itemDetail, videoSrc } from "./items/item-detail";
export type { ItemDetail, RelatedGeneration, VerdictView, VideoLabel } from "./items/item-detail-types";
export { listQueueItems, type QueueItemRow } from "./items/list-items";
export { listMyHistory, type HistoryRow } from "./items/history";
export { queueMetrics, runMetrics, type QueueMetrics, type QueueProgress, type RaterProgress } from "./metrics/queue-metrics";
export { computeMetrics, type ReviewMetrics, type GroupMetrics, type GoldAccuracy } from "./metrics/compute-metrics";
export type { Agreement, AgreementOn, PairAgreement } from "./metrics/agreement";
export { wilsonInterval, type Proportion } from "./stats/wilson";
export { cohenKappa, cohenKappaFromTable, type KappaResult } from "./stats/cohen-kappa";
export { krippendorffAlphaNominal, type AlphaResult } from "./stats/krippendorff-alpha";
export {
  groundTruth,
  type GroundTruthView,
  type TimeMarker,
  type OverlayBox,
  type TimelineSegment,
  type GroundTruthFact,
} from "./ground-truth/ground-truth";
export { answerRuns, type AnswerRun } from "./answer/answer-runs";
