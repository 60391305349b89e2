import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { auditTrail } from "@/lib/testing/audit-trail";
import { saveAudit } from "../audits/save-audit";
import { claimNextItem } from "../claims/claim-next";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { queueMemberProgress, reassignLeases } from "./member-progress";

closeConnectionsAfterAll();

const runTag = randomUUID().slice(0, 8);

async function queueOf(tag: string, members: string[], options: { size: number; overlap?: number; gold?: number }) {
  const fixture = await seedReviewFixture({ tag: `${tag}-${runTag}`, questions: 6 });
  // Gold items (the queue's cycle's last answers), with a known verdict; one the sampling also drew is counted once.
  const goldIds = options.gold ? fixture.generations.slice(-options.gold) : [];
  const queue = await createQueue(
    createQueueSchema.parse({
      name: `progress ${tag}`,
      cycleId: fixture.cycleIds[0],
      size: options.size,
      overlap: options.overlap ?? 1,
      assignees: members,
      gold: goldIds.map((g) => ({ generationId: g.id, answer: { verdict: "HALLUCINATED" } })),
    }),
    SYSTEM_ACTOR,
  );
  return queue;
}

const statusesOf = async (queueId: number) =>
  (
    await pool().query<{ itemId: number; userId: string; status: string }>(
      `SELECT a."itemId", a."userId", a.status FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
       WHERE i."queueId" = $1 ORDER BY a.id`,
      [queueId],
    )
  ).rows;

describe("per-member progress", () => {
  test("done, in hand, remaining share, pace over recent submissions, agreement with gold", async () => {
    const [ana, bo] = await Promise.all([createReviewer("progress-ana"), createReviewer("progress-bo")]);
    const researcher = await createReviewer("progress-researcher", "RESEARCHER");
    const queue = await queueOf("progress", [ana.id, bo.id], { size: 4, gold: 2 });
    const items = (
      await pool().query<{ id: number; isGold: boolean }>(`SELECT id, "isGold" FROM "ReviewQueueItem" WHERE "queueId" = $1`, [queue.id])
    ).rows;
    expect(items.filter((item) => item.isGold)).toHaveLength(2);

    // Ana submits three items, saying HALLUCINATED on each (right on gold), then holds a fourth.
    for (let n = 0; n < 3; n += 1) {
      const claim = await claimNextItem(ana, queue.id);
      await saveAudit(ana, queue.id, claim!.itemId, { baseVersion: null, verdict: "HALLUCINATED", submit: true });
    }
    await claimNextItem(ana, queue.id);
    // Her submissions were 20 and 10 minutes apart: 2 intervals in 30 minutes, 4 an hour.
    await pool().query(
      `WITH mine AS (
         SELECT a.id, row_number() OVER (ORDER BY a.id) AS n FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
         WHERE i."queueId" = $1 AND a."userId" = $2 AND a.status = 'SUBMITTED')
       UPDATE "ReviewAssignment" a SET "submittedAt" = timestamp '2026-01-01 10:00' + (CASE mine.n WHEN 1 THEN 0 WHEN 2 THEN 20 ELSE 30 END) * interval '1 minute'
       FROM mine WHERE mine.id = a.id`,
      [queue.id, ana.id],
    );

    const progress = await queueMemberProgress(researcher, queue.id);
    const anas = progress.find((row) => row.userId === ana.id)!;
    const bos = progress.find((row) => row.userId === bo.id)!;
    // The items × overlap 1 between two members: a share of half each, rounded up.
    const share = Math.ceil(items.length / 2);
    expect(anas).toMatchObject({ member: true, done: 3, inHand: 1, remaining: Math.max(0, share - 3) });
    expect(anas.pacePerHour).toBeCloseTo(4, 9);
    const goldSubmitted = anas.gold.n;
    expect(anas.gold.correct).toBe(goldSubmitted);
    if (goldSubmitted > 0) expect(anas.gold.agreement).toBe(1);
    expect(bos).toMatchObject({ done: 0, inHand: 0, remaining: share, pacePerHour: null, gold: { n: 0, correct: 0, agreement: null } });

    await expect(queueMemberProgress(ana, queue.id)).rejects.toMatchObject({ kind: "forbidden" });
    const pi = await createReviewer("progress-pi", "PI");
    expect(await queueMemberProgress(pi, queue.id)).toHaveLength(2);
  });

  test("gold agreement is the share of gold items whose verdict matches the known one", async () => {
    const ana = await createReviewer("gold-ana");
    const researcher = await createReviewer("gold-researcher", "RESEARCHER");
    const queue = await queueOf("gold", [ana.id], { size: 1, gold: 2 });
    // One sampled item and two gold ones, or two items when the sample drew a gold generation.
    expect(queue.size).toBeGreaterThanOrEqual(2);
    const verdicts = ["HALLUCINATED", "CORRECT", "CORRECT"].slice(0, queue.size) as ("HALLUCINATED" | "CORRECT")[];
    for (const verdict of verdicts) {
      const claim = await claimNextItem(ana, queue.id);
      await saveAudit(ana, queue.id, claim!.itemId, { baseVersion: null, verdict, submit: true });
    }
    expect(await claimNextItem(ana, queue.id)).toBeNull();
    const [row] = await queueMemberProgress(researcher, queue.id);
    expect(row!.done).toBe(queue.size);
    expect(row!.gold.n).toBe(2);
    // Which two of the three items were gold depends on queue order: 1 or 2 of them matched.
    const { rows } = await pool().query<{ matched: number }>(
      `SELECT count(*)::int AS matched FROM "ReviewQueueItem" i JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = $2
       WHERE i."queueId" = $1 AND i."isGold" AND au.verdict = 'HALLUCINATED'`,
      [queue.id, ana.id],
    );
    expect(row!.gold.correct).toBe(rows[0]!.matched);
    expect(row!.gold.agreement).toBeCloseTo(rows[0]!.matched / 2, 12);
  });
});

describe("releasing and reassigning someone's items", () => {
  test("a researcher hands a member's leases to another member; they are audited and the first holder cannot submit", async () => {
    const [ana, bo] = await Promise.all([createReviewer("move-ana"), createReviewer("move-bo")]);
    const researcher = await createReviewer("move-researcher", "RESEARCHER");
    const queue = await queueOf("move", [ana.id, bo.id], { size: 3 });
    const claim = await claimNextItem(ana, queue.id);

    expect(await reassignLeases(researcher, { userId: researcher.id }, queue.id, { fromUserId: ana.id, toUserId: bo.id })).toEqual({
      released: 0,
      reassigned: 1,
    });
    expect(await statusesOf(queue.id)).toEqual([
      { itemId: claim!.itemId, userId: ana.id, status: "RELEASED" },
      { itemId: claim!.itemId, userId: bo.id, status: "LEASED" },
    ]);
    // Bo's next item is the one handed to him; Ana can no longer submit it.
    expect((await claimNextItem(bo, queue.id))?.itemId).toBe(claim!.itemId);
    await expect(saveAudit(ana, queue.id, claim!.itemId, { baseVersion: null, verdict: "CORRECT", submit: true })).rejects.toMatchObject({
      kind: "conflict",
    });
    expect(await auditTrail("review.assignments.reassign", queue.id)).toEqual([
      {
        actorId: researcher.id,
        targetType: "ReviewQueue",
        ipAddress: null,
        details: { fromUserId: ana.id, toUserId: bo.id, released: 0, reassigned: 1 },
      },
    ]);
    const progress = await queueMemberProgress(researcher, queue.id);
    expect(progress.find((row) => row.userId === bo.id)).toMatchObject({ inHand: 1 });
    expect(progress.find((row) => row.userId === ana.id)).toMatchObject({ inHand: 0 });
  });

  test("releasing puts the items back in the pool; an item the other member held before goes back to the pool too", async () => {
    const [ana, bo, cy] = await Promise.all([createReviewer("pool-ana"), createReviewer("pool-bo"), createReviewer("pool-cy")]);
    const pi = await createReviewer("pool-pi", "PI");
    const queue = await queueOf("pool", [ana.id, bo.id, cy.id], { size: 2, overlap: 2 });
    const boClaim = await claimNextItem(bo, queue.id);
    const anaClaim = await claimNextItem(ana, queue.id);
    expect(anaClaim!.itemId).toBe(boClaim!.itemId);
    // Bo already holds Ana's item: reassigning it to him can only release it.
    expect(await reassignLeases(pi, { userId: pi.id }, queue.id, { fromUserId: ana.id, toUserId: bo.id })).toEqual({
      released: 1,
      reassigned: 0,
    });
    // Cy is handed the slot Ana gave back.
    expect((await claimNextItem(cy, queue.id))?.itemId).toBe(anaClaim!.itemId);

    expect(await reassignLeases(pi, { userId: pi.id }, queue.id, { fromUserId: bo.id, toUserId: null })).toEqual({
      released: 1,
      reassigned: 0,
    });
    expect((await statusesOf(queue.id)).filter((row) => row.userId === bo.id).map((row) => row.status)).toEqual(["RELEASED"]);
    // Nothing left to move: nothing recorded.
    expect(await reassignLeases(pi, { userId: pi.id }, queue.id, { fromUserId: bo.id, toUserId: null })).toEqual({
      released: 0,
      reassigned: 0,
    });
    expect(await auditTrail("review.assignments.reassign", queue.id)).toHaveLength(2);
  });

  test("only to a member of the queue, and never by an annotator", async () => {
    const [ana, bo, outsider] = await Promise.all([createReviewer("rules-ana"), createReviewer("rules-bo"), createReviewer("rules-out")]);
    const researcher = await createReviewer("rules-researcher", "RESEARCHER");
    const queue = await queueOf("rules", [ana.id, bo.id], { size: 2 });
    await claimNextItem(ana, queue.id);
    await expect(reassignLeases(researcher, SYSTEM_ACTOR, queue.id, { fromUserId: ana.id, toUserId: outsider.id })).rejects.toMatchObject({
      kind: "invalid-input",
      field: "toUserId",
    });
    await expect(reassignLeases(bo, SYSTEM_ACTOR, queue.id, { fromUserId: ana.id, toUserId: bo.id })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(reassignLeases(researcher, SYSTEM_ACTOR, 999_999_999, { fromUserId: ana.id, toUserId: null })).rejects.toMatchObject({
      kind: "not-found",
    });
    expect((await statusesOf(queue.id)).map((row) => row.status)).toEqual(["LEASED"]);
  });
});
