import { NOW, submittedInBlindQueue } from "../db/sql-fragments";
import type pg from "pg";
import type { ReviewUser } from "../access";
import { activeHoldersOtherThan } from "../claims/claim-next";
import { withTransaction } from "../db/transaction";
import { conflict, invalidField } from "@/lib/errors/domain-error";
import { itemNotFound } from "../errors";
import { queueForUser, type QueueSettings } from "../queues/queue-access";
import { storedSpansSchema, type AuditPatch, type HallucinatedSpan } from "../schemas/audit-schemas";
import type { AuditVerdict } from "../constants";
import { invalidateQueueMetrics } from "../metrics/metrics-cache";
import { resolveSpans } from "./spans";

export interface AuditView {
  verdict: AuditVerdict | null;
  hallucinatedSpans: HallucinatedSpan[];
  labelPresent: boolean | null;
  /** Answer quality, 1–5, or null when not scored. */
  qualityScore: number | null;
  note: string;
  submittedAt: Date | null;
  updatedAt: Date;
  /** Goes up by one on every save: the next save names it as its `baseVersion`. */
  version: number;
  assignment: { status: "LEASED" | "SUBMITTED" | "RELEASED"; leaseExpiresAt: Date };
}

interface ItemForAudit {
  generationId: number;
  text: string;
  assignmentId: number | null;
  status: "LEASED" | "SUBMITTED" | "RELEASED" | null;
  live: boolean | null;
}

/**
 * Saves (part of) this user's audit of a queue item — one audit per person and generation,
 * upserted — and, with `submit`, finishes the item. Autosaves renew the lease. Submitting needs
 * a verdict and a hold on the item: a live lease, or an expired one whose slot nobody took.
 *
 * Optimistic concurrency: the save names the version it was edited from and is refused
 * (conflict) when a newer one was saved meanwhile — another tab, or a stale draft coming back —
 * instead of overwriting it. In a blind queue a submitted audit is final: its author has seen the
 * verifier's verdict since, so a change could no longer be a blind judgement.
 */
export async function saveAudit(user: ReviewUser, queueId: number, itemId: number, patch: AuditPatch): Promise<AuditView> {
  const saved = await withTransaction(async (client) => {
    const queue = await queueForUser(user, queueId, client);
    const item = await lockItemForAudit(client, queueId, itemId, user.id);
    if (item.assignmentId === null || item.status === null) {
      throw conflict(`You hold no assignment on item ${itemId}: take it with "next item" first`);
    }
    if (item.status === "RELEASED") throw conflict(`You released item ${itemId}; it is no longer yours to audit`);
    const current = await lockCurrentAudit(client, item.generationId, user.id);
    if (current?.submittedAt != null && (queue.blind || (await wasSubmittedBlind(client, item.generationId, user.id)))) {
      throw finalInBlindQueue(itemId);
    }
    if ((current?.version ?? null) !== patch.baseVersion) throw staleDraft(itemId);
    if (patch.submit && item.status === "LEASED" && !item.live) await requireFreeSlot(client, queue, itemId, user.id);

    const spans = patch.hallucinatedSpans === undefined ? undefined : resolveSpans(item.text, patch.hallucinatedSpans);
    const audit = await upsertAudit(client, item.generationId, user.id, patch, spans);
    // Two first saves at once (the same generation through two queues): the later one finds a row it did not edit.
    if (!audit) throw staleDraft(itemId);
    if (patch.submit && audit.verdict === null) throw invalidField("verdict", "verdict: choose a verdict (1–4) before submitting");

    const assignment = await updateAssignment(client, item.assignmentId, item.status, Boolean(patch.submit), queue.leaseSeconds);
    return { ...audit, assignment };
  });
  if (patch.submit) invalidateQueueMetrics(queueId);
  return saved;
}

async function lockItemForAudit(client: pg.PoolClient, queueId: number, itemId: number, userId: string): Promise<ItemForAudit> {
  const { rows } = await client.query<ItemForAudit>(
    `SELECT i."generationId", g.text, a.id AS "assignmentId", a.status, a."leaseExpiresAt" > ${NOW} AS live
     FROM "ReviewQueueItem" i
     JOIN "Generation" g ON g.id = i."generationId"
     LEFT JOIN "ReviewAssignment" a ON a."itemId" = i.id AND a."userId" = $3
     WHERE i.id = $1 AND i."queueId" = $2
     FOR UPDATE OF i`,
    [itemId, queueId, userId],
  );
  const item = rows[0];
  if (!item) throw itemNotFound(itemId);
  return item;
}

const staleDraft = (itemId: number) =>
  conflict(
    `Your audit of item ${itemId} changed since you opened it (another tab or window saved it): this change was not saved. Load the saved audit, then make your change again`,
    { field: "baseVersion" },
  );

const finalInBlindQueue = (itemId: number) =>
  conflict(
    `Item ${itemId}: your audit of this answer was submitted in a blind queue: it is final, since you have seen the verifier's verdict, and cannot be changed`,
  );

async function wasSubmittedBlind(client: pg.PoolClient, generationId: number, userId: string): Promise<boolean> {
  const { rows } = await client.query<{ blind: boolean }>(`SELECT ${submittedInBlindQueue("$1", "$2")} AS blind`, [generationId, userId]);
  return rows[0]?.blind ?? false;
}

async function lockCurrentAudit(
  client: pg.PoolClient,
  generationId: number,
  userId: string,
): Promise<{ version: number; submittedAt: Date | null } | null> {
  const { rows } = await client.query<{ version: number; submittedAt: Date | null }>(
    `SELECT version, "submittedAt" FROM "Audit" WHERE "generationId" = $1 AND "userId" = $2 FOR UPDATE`,
    [generationId, userId],
  );
  return rows[0] ?? null;
}

async function requireFreeSlot(client: pg.PoolClient, queue: QueueSettings, itemId: number, userId: string): Promise<void> {
  if ((await activeHoldersOtherThan(client, itemId, userId)) >= queue.overlap) {
    throw conflict(`Your lease on item ${itemId} ran out and the item went to someone else; your draft is kept but cannot be submitted`);
  }
}

type AuditRow = Omit<AuditView, "assignment">;

async function upsertAudit(
  client: pg.PoolClient,
  generationId: number,
  userId: string,
  patch: AuditPatch,
  spans: HallucinatedSpan[] | undefined,
): Promise<AuditRow | null> {
  const updates: string[] = [];
  if (patch.verdict !== undefined) updates.push(`verdict = EXCLUDED.verdict`);
  if (spans !== undefined) updates.push(`"hallucinatedSpans" = EXCLUDED."hallucinatedSpans"`);
  if (patch.labelPresent !== undefined) updates.push(`"labelPresent" = EXCLUDED."labelPresent"`);
  if (patch.qualityScore !== undefined) updates.push(`"qualityScore" = EXCLUDED."qualityScore"`);
  if (patch.note !== undefined) updates.push(`note = EXCLUDED.note`);
  if (patch.submit) updates.push(`"submittedAt" = coalesce("Audit"."submittedAt", ${NOW})`);
  updates.push(`"updatedAt" = ${NOW}`, `version = "Audit".version + 1`);
  const { rows } = await client.query<AuditRow & { hallucinatedSpans: unknown }>(
    `INSERT INTO "Audit" ("generationId", "userId", verdict, "hallucinatedSpans", "labelPresent", note, "submittedAt", "updatedAt", "qualityScore")
     VALUES ($1, $2, $3::"AuditVerdict", $4::jsonb, $5, $6, CASE WHEN $7 THEN ${NOW} END, ${NOW}, $9::int)
     ON CONFLICT ("generationId", "userId") DO UPDATE SET ${updates.join(", ")}
       WHERE $8::int IS NOT NULL AND "Audit".version = $8
     RETURNING verdict, "hallucinatedSpans", "labelPresent", "qualityScore", note, "submittedAt", "updatedAt", version`,
    [
      generationId,
      userId,
      patch.verdict ?? null,
      JSON.stringify(spans ?? []),
      patch.labelPresent ?? null,
      patch.note ?? "",
      Boolean(patch.submit),
      patch.baseVersion,
      patch.qualityScore ?? null,
    ],
  );
  const row = rows[0];
  return row ? { ...row, hallucinatedSpans: storedSpansSchema.parse(row.hallucinatedSpans) } : null;
}

async function updateAssignment(
  client: pg.PoolClient,
  assignmentId: number,
  status: "LEASED" | "SUBMITTED",
  submit: boolean,
  leaseSeconds: number,
): Promise<AuditView["assignment"]> {
  const sql =
    submit && status === "LEASED"
      ? `UPDATE "ReviewAssignment" SET status = 'SUBMITTED', "submittedAt" = ${NOW}, "updatedAt" = ${NOW} WHERE id = $1`
      : status === "LEASED"
        ? // An autosave is activity: keep a live lease alive (an expired one stays expired until submit or claim).
          `UPDATE "ReviewAssignment" SET "leaseExpiresAt" = greatest("leaseExpiresAt", CASE WHEN "leaseExpiresAt" > ${NOW} THEN ${NOW} + make_interval(secs => $2) ELSE "leaseExpiresAt" END), "updatedAt" = ${NOW} WHERE id = $1`
        : `UPDATE "ReviewAssignment" SET "updatedAt" = ${NOW} WHERE id = $1`;
  const params = sql.includes("$2") ? [assignmentId, leaseSeconds] : [assignmentId];
  const { rows } = await client.query<AuditView["assignment"]>(`${sql} RETURNING status, "leaseExpiresAt"`, params);
  return rows[0]!;
}
