import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignOffDecision } from "./sign-off-decisions";

const signOffSelect = {
  id: true,
  generationId: true,
  decision: true,
  qualityScore: true,
  reason: true,
  comment: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true, role: true } },
} satisfies Prisma.ExplanationSignOffSelect;

export type SignOffRow = Prisma.ExplanationSignOffGetPayload<{ select: typeof signOffSelect }>;

export interface SignOffWrite {
  generationId: number;
  userId: string;
  decision: SignOffDecision;
  qualityScore: number | null;
  reason: string;
  comment: string;
}

/**
 * One sign-off per (generation, user): signing again replaces the earlier decision. A read, then a
 * write: give it a transaction so that `previous` is the decision it replaced.
 */
export async function upsertSignOff(write: SignOffWrite, tx: Db): Promise<{ row: SignOffRow; previous: SignOffDecision | null }> {
  const key = { generationId: write.generationId, userId: write.userId };
  const previous = await tx.explanationSignOff.findUnique({ where: { generationId_userId: key }, select: { decision: true } });
  const fields = { decision: write.decision, qualityScore: write.qualityScore, reason: write.reason, comment: write.comment };
  const row = await tx.explanationSignOff.upsert({
    where: { generationId_userId: key },
    create: { ...key, ...fields },
    update: { ...fields, updatedAt: new Date() },
    select: signOffSelect,
  });
  return { row, previous: previous?.decision ?? null };
}

export async function listSignOffs(generationId: number): Promise<SignOffRow[]> {
  return prisma().explanationSignOff.findMany({ where: { generationId }, orderBy: { updatedAt: "desc" }, select: signOffSelect });
}

/** Every sign-off on a cycle's generations. */
export async function listCycleSignOffs(cycleId: number): Promise<SignOffRow[]> {
  return prisma().explanationSignOff.findMany({
    where: { generation: { cycleId } },
    orderBy: [{ generationId: "asc" }, { updatedAt: "desc" }],
    select: signOffSelect,
  });
}
