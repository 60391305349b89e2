import type pg from "pg";
import type { Transaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";
import { AUDIT_TARGET_TYPE, type AuditEntry } from "./audit-actions";

interface AuditRow {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  // AuditDetails holds plain JSON values only (strings, numbers, booleans, arrays of them, null).
  details: Prisma.InputJsonObject;
  ipAddress: string | null;
}

function auditRow(actor: Actor, entry: AuditEntry): AuditRow {
  return {
    actorId: actor.userId,
    action: entry.action,
    targetType: AUDIT_TARGET_TYPE[entry.action],
    targetId: String(entry.targetId),
    details: entry.details as Prisma.InputJsonObject,
    ipAddress: actor.ip ?? null,
  };
}

/**
 * Records who did what, in the transaction of the change itself: the entry commits with the change
 * or not at all. Services call it last, once the change is written.
 */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLogEntry.create({ data: auditRow(actor, entry), select: { id: true } });
}

/** The same, for a change written through a `pg` client inside its own BEGIN … COMMIT. */
export async function recordAuditWithPg(client: pg.PoolClient, actor: Actor, entry: AuditEntry): Promise<void> {
  const row = auditRow(actor, entry);
  await client.query(
    `INSERT INTO "AuditLogEntry" ("actorId", action, "targetType", "targetId", details, "ipAddress") VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [row.actorId, row.action, row.targetType, row.targetId, JSON.stringify(row.details), row.ipAddress],
  );
}
