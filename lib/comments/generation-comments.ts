import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { invalidField, notFound } from "@/lib/errors/domain-error";
import { commentGeneration, type CommentRow, generationExists, insertComment, isHandedTo, listComments } from "./comment-repository";

export const CommentInput = z.object({
  body: z.string().trim().min(1, "write something").max(5000, "at most 5000 characters"),
  parentId: z.number().int().positive().nullable().default(null),
});
export type CommentInput = z.infer<typeof CommentInput>;

export interface CommentViewer {
  id: string;
  role: string;
}

/** A comment as pages and the API show it; replies name their parent. */
export interface CommentView {
  id: number;
  generationId: number;
  parentId: number | null;
  body: string;
  createdAt: string;
  author: { id: string; name: string; role: string };
}

function commentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    generationId: row.generationId,
    parentId: row.parentId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    author: row.user,
  };
}

/**
 * Researchers, PIs and admins see every generation's comments; an annotator only those of
 * generations handed to them in a queue they belong to (as the review item screen shows them).
 * Anything else does not exist for them: a not-found error, so existence is not revealed.
 */
async function checkAccess(viewer: CommentViewer, generationId: number): Promise<void> {
  const visible = viewer.role === "ANNOTATOR" ? await isHandedTo(viewer.id, generationId) : await generationExists(generationId);
  if (!visible) throw notFound(`Generation ${generationId}`);
}

export async function generationComments(viewer: CommentViewer, generationId: number): Promise<CommentView[]> {
  await checkAccess(viewer, generationId);
  return (await listComments(generationId)).map(commentView);
}

/** Adds a comment (or a reply to one on the same generation), with its `generation.comment` audit entry. */
export async function addGenerationComment(
  viewer: CommentViewer,
  actor: Actor,
  generationId: number,
  input: CommentInput,
): Promise<CommentView> {
  await checkAccess(viewer, generationId);
  const row = await inTransaction(async (tx) => {
    if (input.parentId !== null && (await commentGeneration(input.parentId, tx)) !== generationId) {
      throw invalidField("parentId", "The comment replied to is not on this generation");
    }
    const inserted = await insertComment({ generationId, userId: viewer.id, parentId: input.parentId, body: input.body }, tx);
    await recordAudit(tx, actor, {
      action: "generation.comment",
      targetId: generationId,
      details: { commentId: inserted.id, parentId: input.parentId, body: input.body },
    });
    return inserted;
  });
  return commentView(row);
}
