import type { GetReviewCyclesResponse } from "@/app/api/review/cycles/route";
import type { GetReviewPeopleResponse } from "@/app/api/review/people/route";
import type { GetReviewQueueAdjudicationsResponse } from "@/app/api/review/queues/[queueId]/adjudications/route";
import type { PutReviewQueueItemAdjudicationResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/adjudication/route";
import type { GetReviewQueueProgressResponse } from "@/app/api/review/queues/[queueId]/progress/route";
import type { PostReviewQueueReassignResponse } from "@/app/api/review/queues/[queueId]/reassign/route";
import type { GetReviewQueueHistoryResponse } from "@/app/api/review/queues/[queueId]/history/route";
import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import type { PostReviewQueueItemReleaseResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/release/route";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import type { GetReviewQueueItemsResponse } from "@/app/api/review/queues/[queueId]/items/route";
import type { GetReviewQueueMetricsResponse } from "@/app/api/review/queues/[queueId]/metrics/route";
import type { PostReviewQueueNextResponse } from "@/app/api/review/queues/[queueId]/next/route";
import type { GetReviewQueueResponse, PatchReviewQueueResponse } from "@/app/api/review/queues/[queueId]/route";
import type { GetReviewQueuesResponse, PostReviewQueuesResponse } from "@/app/api/review/queues/route";
import type { GetReviewRunMetricsResponse } from "@/app/api/review/runs/[runId]/metrics/route";
import type { AuditVerdict } from "@/lib/review/constants";
import type { HallucinatedSpan } from "@/lib/review/schemas/audit-schemas";
import { apiFetch } from "../api-client";

// Typed calls to app/api/review: each answers what its route module says it returns.

/** The audit as the item screen edits it (and autosaves it). */
export interface AuditDraft {
  verdict: AuditVerdict | null;
  hallucinatedSpans: Pick<HallucinatedSpan, "start" | "end" | "videoStartSec" | "videoEndSec">[];
  labelPresent: boolean | null;
  /** Answer quality 1–5, or null: not scored. */
  qualityScore: number | null;
  note: string;
}

/** A save: the draft (or part of it), the version of the saved audit it was edited from (null: none), and whether to submit. */
type AuditSave = Partial<AuditDraft> & { baseVersion: number | null; submit?: boolean };

const base = (queueId: number) => `/api/review/queues/${queueId}`;
const withCursor = (path: string, cursor: string | null | undefined, limit?: number) => {
  const params = new URLSearchParams();
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

export const reviewApi = {
  queues: (cursor?: string | null) => apiFetch<GetReviewQueuesResponse>(withCursor("/api/review/queues", cursor)),
  queue: (queueId: number) => apiFetch<GetReviewQueueResponse>(base(queueId)),
  createQueue: (body: unknown) => apiFetch<PostReviewQueuesResponse>("/api/review/queues", { method: "POST", body: JSON.stringify(body) }),
  updateQueue: (queueId: number, body: unknown) =>
    apiFetch<PatchReviewQueueResponse>(base(queueId), { method: "PATCH", body: JSON.stringify(body) }),
  items: (queueId: number, cursor?: string | null) => apiFetch<GetReviewQueueItemsResponse>(withCursor(`${base(queueId)}/items`, cursor)),
  item: (queueId: number, itemId: number) => apiFetch<GetReviewQueueItemResponse>(`${base(queueId)}/items/${itemId}`),
  next: (queueId: number) => apiFetch<PostReviewQueueNextResponse>(`${base(queueId)}/next`, { method: "POST" }),
  release: (queueId: number, itemId: number) =>
    apiFetch<PostReviewQueueItemReleaseResponse>(`${base(queueId)}/items/${itemId}/release`, { method: "POST" }),
  saveAudit: (queueId: number, itemId: number, body: AuditSave) =>
    apiFetch<PutReviewQueueItemAuditResponse>(`${base(queueId)}/items/${itemId}/audit`, { method: "PUT", body: JSON.stringify(body) }),
  history: (queueId: number, cursor?: string | null) =>
    apiFetch<GetReviewQueueHistoryResponse>(withCursor(`${base(queueId)}/history`, cursor, 20)),
  metrics: (queueId: number) => apiFetch<GetReviewQueueMetricsResponse>(`${base(queueId)}/metrics`),
  adjudications: (queueId: number) => apiFetch<GetReviewQueueAdjudicationsResponse>(`${base(queueId)}/adjudications`),
  adjudicate: (
    queueId: number,
    itemId: number,
    body: { verdict: AuditVerdict; hallucinatedSpans: { start: number; end: number }[]; note: string },
  ) =>
    apiFetch<PutReviewQueueItemAdjudicationResponse>(`${base(queueId)}/items/${itemId}/adjudication`, {
      method: "PUT",
      body: JSON.stringify(body),
    }),
  progress: (queueId: number) => apiFetch<GetReviewQueueProgressResponse>(`${base(queueId)}/progress`),
  reassign: (queueId: number, body: { fromUserId: string; toUserId: string | null }) =>
    apiFetch<PostReviewQueueReassignResponse>(`${base(queueId)}/reassign`, { method: "POST", body: JSON.stringify(body) }),
  runMetrics: (runId: number) => apiFetch<GetReviewRunMetricsResponse>(`/api/review/runs/${runId}/metrics`),
  cycles: (cursor?: string | null) => apiFetch<GetReviewCyclesResponse>(withCursor("/api/review/cycles", cursor)),
  people: () => apiFetch<GetReviewPeopleResponse>("/api/review/people"),
};
