import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

const commentSelect = {
  id: true,
  generationId: true,
  parentId: true,
  body: true,
  createdAt: true,
  user: { select: { id: true, name: true, role: true } },
} satisfies Prisma.GenerationCommentSelect;

export type CommentRow = Prisma.GenerationCommentGetPayload<{ select: typeof commentSelect }>;

export async function generationExists(generationId: number): Promise<boolean> {
  return (await prisma().generation.count({ where: { id: generationId } })) > 0;
}

/** Has this person been handed the generation in a queue they belong to (any assignment, leased or done)? */
export async function isHandedTo(userId: string, generationId: number): Promise<boolean> {
  const count = await prisma().reviewAssignment.count({
    where: { userId, item: { generationId, queue: { members: { some: { userId } } } } },
  });
  return count > 0;
}

/** The generation a comment belongs to, or null when there is no such comment. */
export async function commentGeneration(commentId: number, db: Db = prisma()): Promise<number | null> {
  const row = await db.generationComment.findUnique({ where: { id: commentId }, select: { generationId: true } });
  return row?.generationId ?? null;
}

export async function insertComment(
  write: { generationId: number; userId: string; parentId: number | null; body: string },
  tx: Db,
): Promise<CommentRow> {
  return tx.generationComment.create({ data: write, select: commentSelect });
}

/** A generation's comments, oldest first (threads are built from parentId). */
export async function listComments(generationId: number): Promise<CommentRow[]> {
  return prisma().generationComment.findMany({
    where: { generationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
}
