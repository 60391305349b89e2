import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";

export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  details?: Prisma.InputJsonValue;
  ipAddress?: string | null;
}

/** Sensitive actions (users, roles, cycle launches and cancels, exports, deletions): who, what, when. */
export async function recordAuditEvent(event: AuditEvent): Promise<void> {
  await prisma().auditLogEntry.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
      details: event.details ?? {},
      ipAddress: event.ipAddress ?? null,
    },
    select: { id: true },
  });
}
