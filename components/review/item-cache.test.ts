import { describe, expect, test } from "vitest";
import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import { keepNewerAudit, withSavedAudit } from "./item-cache";

// The item screen's cache after saves: what a person sees on coming back to an item.

const LEASE = "2026-01-01T10:15:00.000Z";

function detail(blind: boolean, audit: { verdict: "CORRECT" | "HALLUCINATED"; version: number; submittedAt?: string } | null) {
  return {
    queue: { id: 1, name: "q", blind, overlap: 1, status: "OPEN", size: 21 },
    audit: audit && {
      verdict: audit.verdict,
      hallucinatedSpans: [],
      labelPresent: null,
      note: "",
      submittedAt: audit.submittedAt ?? null,
      updatedAt: "2026-01-01T10:00:00.000Z",
      version: audit.version,
    },
    auditFinal: false,
    assignment: { status: "LEASED", leaseExpiresAt: LEASE, claimedAt: "2026-01-01T10:00:00.000Z" },
  } as unknown as GetReviewQueueItemResponse;
}

function saved(verdict: "CORRECT" | "HALLUCINATED", version: number, submit = false): PutReviewQueueItemAuditResponse {
  return {
    verdict,
    hallucinatedSpans: [],
    labelPresent: null,
    qualityScore: null,
    note: "",
    submittedAt: submit ? "2026-01-01T10:05:00.000Z" : null,
    updatedAt: "2026-01-01T10:05:00.000Z",
    version,
    assignment: { status: submit ? "SUBMITTED" : "LEASED", leaseExpiresAt: LEASE },
  };
}

describe("withSavedAudit", () => {
  test("a saved verdict replaces the one the item was opened with", () => {
    const next = withSavedAudit(detail(false, { verdict: "HALLUCINATED", version: 3 }), saved("CORRECT", 4));
    expect(next.audit).toMatchObject({ verdict: "CORRECT", version: 4 });
    expect(next.auditFinal).toBe(false);
  });

  test("the first save of an item without an audit is kept", () => {
    expect(withSavedAudit(detail(false, null), saved("CORRECT", 1)).audit?.verdict).toBe("CORRECT");
  });

  test("an answer older than the cached audit changes nothing", () => {
    const cached = detail(false, { verdict: "CORRECT", version: 5 });
    expect(withSavedAudit(cached, saved("HALLUCINATED", 4))).toBe(cached);
  });

  test("submitting in a blind queue makes the audit final and the assignment submitted", () => {
    const next = withSavedAudit(detail(true, { verdict: "CORRECT", version: 1 }), saved("CORRECT", 2, true));
    expect(next.auditFinal).toBe(true);
    expect(next.assignment?.status).toBe("SUBMITTED");
  });
});

describe("keepNewerAudit", () => {
  test("a refetch that started before a save does not bring the older audit back", () => {
    const cached = detail(false, { verdict: "CORRECT", version: 4 });
    const fresh = detail(false, { verdict: "HALLUCINATED", version: 3 });
    expect(keepNewerAudit(cached, fresh).audit).toMatchObject({ verdict: "CORRECT", version: 4 });
  });

  test("a newer audit from the server (another tab) replaces the cached one", () => {
    const cached = detail(false, { verdict: "CORRECT", version: 4 });
    const fresh = detail(false, { verdict: "HALLUCINATED", version: 5 });
    expect(keepNewerAudit(cached, fresh)).toBe(fresh);
    expect(keepNewerAudit(undefined, fresh)).toBe(fresh);
  });
});
