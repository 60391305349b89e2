import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { isDomainError } from "@/lib/errors/domain-error";
import { auditTrail } from "@/lib/testing/audit-trail";
import { claimNextItem } from "@/lib/review/claims/claim-next";
import { createQueue } from "@/lib/review/queues/create-queue";
import { createQueueSchema } from "@/lib/review/schemas/queue-schemas";
import { closeConnectionsAfterAll } from "@/lib/review/testing/db-hooks";
import { createReviewer, seedReviewFixture } from "@/lib/review/testing/review-fixture";
import { addGenerationComment, CommentInput, generationComments } from "./generation-comments";

closeConnectionsAfterAll();

/** Fixture names are unique across the test files sharing the database. */
const runTag = randomUUID().slice(0, 8);

async function createPi(): Promise<{ id: string; role: string }> {
  const id = `pi-${randomUUID().slice(0, 8)}`;
  await pool().query(`INSERT INTO "User" (id, name, email, role) VALUES ($1, 'PI Comments', $2, 'PI')`, [id, `${id}@test.local`]);
  return { id, role: "PI" };
}

/** A queue with one annotator member who has claimed one item; returns that item's generation and another one. */
async function setting(tag: string) {
  const fixture = await seedReviewFixture({ tag: `${tag}-${runTag}`, questions: 3 });
  const annotator = await createReviewer(`${tag}-member`);
  const outsider = await createReviewer(`${tag}-outsider`);
  const queue = await createQueue(
    createQueueSchema.parse({ name: `comments ${tag}`, cycleId: fixture.cycleIds[0], size: 4, overlap: 1, assignees: [annotator.id] }),
    SYSTEM_ACTOR,
  );
  const claim = await claimNextItem(annotator, queue.id);
  if (!claim) throw new Error("nothing to claim");
  const handed = (
    await pool().query<{ generationId: number }>(`SELECT "generationId" FROM "ReviewQueueItem" WHERE id = $1`, [claim.itemId])
  ).rows[0]?.generationId;
  if (handed === undefined) throw new Error("no item");
  const notHanded = fixture.generations.find((generation) => generation.id !== handed)?.id;
  if (notHanded === undefined) throw new Error("no other generation");
  return { annotator, outsider, handed, notHanded };
}

async function notFoundError(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return false;
  } catch (error) {
    return isDomainError(error, "not-found");
  }
}

describe("generation comments", () => {
  test("a thread: comment and reply with author and time, seen by researcher, PI and the annotator it was handed to; audited", async () => {
    const { annotator, handed } = await setting("thread");
    const researcher = await createReviewer("thread-researcher", "RESEARCHER");
    const pi = await createPi();

    const first = await addGenerationComment(
      researcher,
      { userId: researcher.id, ip: "10.0.0.7" },
      handed,
      CommentInput.parse({ body: "  Is 1.0 s right? " }),
    );
    const reply = await addGenerationComment(
      annotator,
      { userId: annotator.id },
      handed,
      CommentInput.parse({ body: "Yes, the clip shows it", parentId: first.id }),
    );
    expect(first).toMatchObject({
      generationId: handed,
      parentId: null,
      body: "Is 1.0 s right?",
      author: { id: researcher.id, role: "RESEARCHER" },
    });
    expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false);
    expect(reply.parentId).toBe(first.id);

    for (const viewer of [researcher, pi, annotator]) {
      const seen = await generationComments(viewer, handed);
      expect(seen.map((comment) => [comment.id, comment.parentId, comment.author.id])).toEqual([
        [first.id, null, researcher.id],
        [reply.id, first.id, annotator.id],
      ]);
    }
    const piReply = await addGenerationComment(pi, { userId: pi.id }, handed, CommentInput.parse({ body: "Agreed", parentId: reply.id }));
    expect(piReply.parentId).toBe(reply.id);

    expect(await auditTrail("generation.comment", handed)).toEqual([
      {
        actorId: researcher.id,
        targetType: "Generation",
        ipAddress: "10.0.0.7",
        details: { commentId: first.id, parentId: null, body: "Is 1.0 s right?" },
      },
      {
        actorId: annotator.id,
        targetType: "Generation",
        ipAddress: null,
        details: { commentId: reply.id, parentId: first.id, body: "Yes, the clip shows it" },
      },
      { actorId: pi.id, targetType: "Generation", ipAddress: null, details: { commentId: piReply.id, parentId: reply.id, body: "Agreed" } },
    ]);
  });

  test("an annotator neither sees nor writes on generations not handed to them; nothing is written", async () => {
    const { annotator, outsider, handed, notHanded } = await setting("access");
    const researcher = await createReviewer("access-researcher", "RESEARCHER");
    await addGenerationComment(researcher, SYSTEM_ACTOR, notHanded, CommentInput.parse({ body: "only for managers" }));

    expect(await notFoundError(generationComments(annotator, notHanded))).toBe(true);
    expect(await notFoundError(generationComments(outsider, handed))).toBe(true);
    expect(await notFoundError(addGenerationComment(annotator, SYSTEM_ACTOR, notHanded, CommentInput.parse({ body: "sneaky" })))).toBe(
      true,
    );
    expect(await notFoundError(addGenerationComment(outsider, SYSTEM_ACTOR, handed, CommentInput.parse({ body: "sneaky" })))).toBe(true);
    expect((await generationComments(researcher, notHanded)).map((comment) => comment.body)).toEqual(["only for managers"]);
    expect(await generationComments(researcher, handed)).toEqual([]);
  });

  test("an annotator removed from the queue no longer sees the generation's comments", async () => {
    const { annotator, handed } = await setting("removed");
    expect(await generationComments(annotator, handed)).toEqual([]);
    await pool().query(`DELETE FROM "ReviewQueueMember" WHERE "userId" = $1`, [annotator.id]);
    expect(await notFoundError(generationComments(annotator, handed))).toBe(true);
  });

  test("a reply to a comment on another generation, an empty body and a missing generation are refused", async () => {
    const { handed, notHanded } = await setting("refused");
    const admin = await createReviewer("refused-admin", "ADMIN");
    const elsewhere = await addGenerationComment(admin, SYSTEM_ACTOR, notHanded, CommentInput.parse({ body: "elsewhere" }));
    await expect(
      addGenerationComment(admin, SYSTEM_ACTOR, handed, CommentInput.parse({ body: "reply", parentId: elsewhere.id })),
    ).rejects.toMatchObject({
      kind: "invalid-input",
      field: "parentId",
    });
    expect(CommentInput.safeParse({ body: "   " }).success).toBe(false);
    expect(await notFoundError(addGenerationComment(admin, SYSTEM_ACTOR, 2_000_000_000, CommentInput.parse({ body: "x" })))).toBe(true);
    expect(await generationComments(admin, handed)).toEqual([]);
  });
});
