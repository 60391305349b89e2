import type { AuditVerdict } from "@/lib/review/constants";
import type { ItemDetail } from "@/lib/review/items/item-detail-types";
import type { HallucinatedSpan } from "@/lib/review/schemas/audit-schemas";
import { apiFetch } from "../api-client";

// Typed calls to app/api/review. Types come from lib/review's pure modules (no server code).

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

export interface Claim {
  itemId: number;
  assignmentId: number;
  leaseExpiresAt: string;
  resumed: boolean;
}

export interface AuditDraft {
  verdict: AuditVerdict | null;
  hallucinatedSpans: Pick<HallucinatedSpan, "start" | "end" | "videoStartSec" | "videoEndSec">[];
  labelPresent: boolean | null;
  note: string;
}

export interface SavedAudit extends AuditDraft {
  hallucinatedSpans: HallucinatedSpan[];
  submittedAt: string | null;
  updatedAt: string;
  assignment: { status: "LEASED" | "SUBMITTED" | "RELEASED"; leaseExpiresAt: string };
}

const base = (queueId: number) => `/api/review/queues/${queueId}`;
const withCursor = (path: string, cursor: string | null | undefined, limit?: number) => {
  const params = new URLSearchParams();
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

export const reviewApi = {
  queues: <T>(cursor?: string | null) => apiFetch<Page<T>>(withCursor("/api/review/queues", cursor)),
  queue: <T>(queueId: number) => apiFetch<T>(base(queueId)),
  createQueue: <T>(body: unknown) => apiFetch<T>("/api/review/queues", { method: "POST", body: JSON.stringify(body) }),
  updateQueue: <T>(queueId: number, body: unknown) => apiFetch<T>(base(queueId), { method: "PATCH", body: JSON.stringify(body) }),
  items: <T>(queueId: number, cursor?: string | null) => apiFetch<Page<T>>(withCursor(`${base(queueId)}/items`, cursor)),
  item: (queueId: number, itemId: number) => apiFetch<ItemDetail>(`${base(queueId)}/items/${itemId}`),
  next: (queueId: number) => apiFetch<{ claim: Claim | null }>(`${base(queueId)}/next`, { method: "POST" }),
  release: (queueId: number, itemId: number) =>
    apiFetch<{ released: number }>(`${base(queueId)}/items/${itemId}/release`, { method: "POST" }),
  saveAudit: (queueId: number, itemId: number, body: Partial<AuditDraft> & { submit?: boolean }) =>
    apiFetch<SavedAudit>(`${base(queueId)}/items/${itemId}/audit`, { method: "PUT", body: JSON.stringify(body) }),
  history: <T>(queueId: number, cursor?: string | null) => apiFetch<Page<T>>(withCursor(`${base(queueId)}/history`, cursor, 20)),
  metrics: <T>(queueId: number) => apiFetch<T>(`${base(queueId)}/metrics`),
  runMetrics: <T>(runId: number) => apiFetch<T>(`/api/review/runs/${runId}/metrics`),
  cycles: <T>(cursor?: string | null) => apiFetch<Page<T>>(withCursor("/api/review/cycles", cursor)),
  people: <T>() => apiFetch<{ people: T[] }>("/api/review/people"),
};
