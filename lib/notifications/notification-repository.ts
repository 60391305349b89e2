import { recordAudit } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/audit/actor";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors/domain-error";
import { runEndSentence, type RunEnd, type WebhookNotification } from "./payload";

/** Writes the notification of a run's end (in the transaction that ended the run); with a URL, its delivery is pending. */
export async function createRunEndNotification(
  db: Db,
  input: { userId: string | null; cycleId: number; end: RunEnd; webhookUrl: string | null },
): Promise<{ id: number; webhook: boolean }> {
  const row = await db.notification.create({
    data: {
      userId: input.userId,
      runId: input.end.runId,
      cycleId: input.cycleId,
      event: input.end.event,
      text: runEndSentence(input.end),
      simulated: input.end.simulated,
      webhookUrl: input.webhookUrl,
      webhookStatus: input.webhookUrl ? "PENDING" : null,
    },
    select: { id: true },
  });
  return { id: row.id, webhook: input.webhookUrl !== null };
}

const LIST_LIMIT = 30;

/** A person's newest notifications (theirs only) and how many of all of theirs are unread. */
export async function notificationsOf(userId: string) {
  const [rows, unread] = await Promise.all([
    prisma().notification.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      take: LIST_LIMIT,
      select: {
        id: true,
        runId: true,
        cycleId: true,
        event: true,
        text: true,
        simulated: true,
        readAt: true,
        createdAt: true,
        webhookStatus: true,
        webhookAttempts: true,
        webhookHttpStatus: true,
        webhookError: true,
        webhookAt: true,
      },
    }),
    prisma().notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    notifications: rows.map((row) => ({
      id: row.id,
      runId: row.runId,
      cycleId: row.cycleId,
      event: row.event,
      text: row.text,
      simulated: row.simulated,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
      webhook:
        row.webhookStatus === null
          ? null
          : {
              status: row.webhookStatus,
              attempts: row.webhookAttempts,
              httpStatus: row.webhookHttpStatus,
              error: row.webhookError,
              at: row.webhookAt?.toISOString() ?? null,
            },
    })),
  };
}

/** Marks one of the person's notifications read; another person's is as absent as one that never was. */
export async function markNotificationRead(userId: string, id: number): Promise<void> {
  const row = await prisma().notification.findFirst({ where: { id, userId }, select: { readAt: true } });
  if (!row) throw notFound(`notification ${id} does not exist`);
  if (row.readAt === null) await prisma().notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
}

export async function markAllNotificationsRead(userId: string): Promise<number> {
  const { count } = await prisma().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** What a delivery needs of its notification, or null when it has nothing (left) to deliver. */
export async function pendingDelivery(id: number): Promise<(WebhookNotification & { webhookUrl: string }) | null> {
  const row = await prisma().notification.findUnique({
    where: { id },
    select: {
      id: true,
      runId: true,
      cycleId: true,
      event: true,
      text: true,
      simulated: true,
      createdAt: true,
      webhookUrl: true,
      webhookStatus: true,
      run: { select: { name: true } },
    },
  });
  if (!row?.webhookUrl || row.webhookStatus === "DELIVERED" || row.webhookStatus === "FAILED") return null;
  const { run, webhookStatus: _status, webhookUrl, ...rest } = row;
  return { ...rest, runName: run.name, webhookUrl };
}

/** Counts an attempt as begun; returns its number (1 for the first). */
export async function beginDeliveryAttempt(id: number): Promise<number> {
  const row = await prisma().notification.update({
    where: { id },
    data: { webhookAttempts: { increment: 1 } },
    select: { webhookAttempts: true },
  });
  return row.webhookAttempts;
}

export async function recordDeliveryOutcome(
  id: number,
  outcome: { status: "DELIVERED" | "RETRYING" | "FAILED"; httpStatus: number | null; error: string | null },
): Promise<void> {
  await prisma().notification.update({
    where: { id },
    data: { webhookStatus: outcome.status, webhookHttpStatus: outcome.httpStatus, webhookError: outcome.error, webhookAt: new Date() },
    select: { id: true },
  });
}

export async function webhookUrlOf(userId: string): Promise<string | null> {
  const row = await prisma().user.findUnique({ where: { id: userId }, select: { webhookUrl: true } });
  return row?.webhookUrl ?? null;
}

/** Sets (or, with null, removes) the person's own webhook URL. Audited as `account.webhook`, with the host only. */
export async function setWebhookUrl(actor: Actor & { userId: string }, url: string | null): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { webhookUrl: url }, select: { id: true } });
    await recordAudit(tx, actor, { action: "account.webhook", targetId: actor.userId, details: { host: url ? new URL(url).host : null } });
  });
}
