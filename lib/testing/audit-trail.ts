import type { AuditAction } from "@/lib/audit/audit-actions";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

/** The audit entries of one action on one target, oldest first. */
export async function auditTrail(action: AuditAction, targetId: string | number) {
  return prisma().auditLogEntry.findMany({
    where: { action, targetId: String(targetId) },
    orderBy: { id: "asc" },
    select: { actorId: true, targetType: true, details: true, ipAddress: true },
  });
}

export async function auditCount(action: AuditAction): Promise<number> {
  return prisma().auditLogEntry.count({ where: { action } });
}

/**
 * Runs `work` while every transaction that writes to `table` fails at COMMIT, after all its
 * statements (the audit entry included) have run: a deferred constraint trigger that raises.
 * Whatever the transaction wrote must then be gone, its audit entry with it.
 */
export async function withFailingCommits<T>(table: string, work: () => Promise<T>): Promise<T> {
  const trigger = `test_fail_commit_${table.toLowerCase()}`;
  await pool().query(
    `CREATE OR REPLACE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'forced failure at commit (test)'; END $$`,
  );
  await pool().query(
    `CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON "${table}"
     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_commit()`,
  );
  try {
    return await work();
  } finally {
    await pool().query(`DROP TRIGGER ${trigger} ON "${table}"`);
  }
}
