import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { saveAudit } from "../audits/save-audit";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { claimNextItem } from "./claim-next";
import { releaseItem } from "./release";

closeConnectionsAfterAll();

async function queueWith(tag: string, options: { overlap: number; size: number; members: string[]; leaseSeconds?: number }) {
  const fixture = await seedReviewFixture({ tag, questions: 6 });
  const input = createQueueSchema.parse({
    name: `claims ${tag}`,
    cycleId: fixture.cycleIds[0],
    size: options.size,
    overlap: options.overlap,
    assignees: options.members,
    leaseSeconds: options.leaseSeconds ?? 900,
  });
  return createQueue(input, SYSTEM_ACTOR);
}

async function assignmentsOf(queueId: number) {
  const { rows } = await pool().query<{ itemId: number; userId: string; status: string }>(
    `SELECT a."itemId", a."userId", a.status FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId" WHERE i."queueId" = $1`,
    [queueId],
  );
  return rows;
}

/** Claims and submits until the queue has nothing left for this user; returns the items they got. */
async function workUntilEmpty(user: { id: string; role: string }, queueId: number): Promise<number[]> {
  const taken: number[] = [];
  for (;;) {
    const claim = await claimNextItem(user, queueId);
    if (!claim) return taken;
    taken.push(claim.itemId);
    await saveAudit(user, queueId, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
  }
}

describe("claiming items", () => {
  test("eight concurrent annotators never double-assign: each item to exactly k people, never twice to one", async () => {
    const annotators = await Promise.all(Array.from({ length: 8 }, (_, index) => createReviewer(`concurrent-${index}`)));
    const queue = await queueWith("concurrent", { overlap: 3, size: 10, members: annotators.map((a) => a.id) });
    expect(queue.size).toBe(10);

    const taken = await Promise.all(annotators.map((annotator) => workUntilEmpty(annotator, queue.id)));

    const assignments = await assignmentsOf(queue.id);
    expect(assignments).toHaveLength(30);
    const perItem = new Map<number, string[]>();
    for (const assignment of assignments) perItem.set(assignment.itemId, [...(perItem.get(assignment.itemId) ?? []), assignment.userId]);
    expect(perItem.size).toBe(10);
    for (const holders of perItem.values()) {
      expect(holders).toHaveLength(3);
      expect(new Set(holders).size).toBe(3);
    }
    for (const items of taken) expect(new Set(items).size).toBe(items.length);
    expect(taken.flat()).toHaveLength(30);
  });

  test("concurrent first claims on a one-item-per-person queue hand out distinct items", async () => {
    const annotators = await Promise.all(Array.from({ length: 6 }, (_, index) => createReviewer(`burst-${index}`)));
    const queue = await queueWith("burst", { overlap: 1, size: 6, members: annotators.map((a) => a.id) });
    const claims = await Promise.all(annotators.map((annotator) => claimNextItem(annotator, queue.id)));
    const items = claims.map((claim) => claim?.itemId);
    expect(items.every((item) => typeof item === "number")).toBe(true);
    expect(new Set(items).size).toBe(6);
  });

  test("an item another claimer holds locked is not mistaken for none left: the claim waits for it", async () => {
    const [ana, bo, carla] = await Promise.all([createReviewer("locked-a"), createReviewer("locked-b"), createReviewer("locked-c")]);
    const queue = await queueWith("locked", { overlap: 2, size: 1, members: [ana.id, bo.id, carla.id] });
    const [item] = (await pool().query<{ id: number }>(`SELECT id FROM "ReviewQueueItem" WHERE "queueId" = $1`, [queue.id])).rows;
    // Another claimer's transaction holds the only item locked (as a claim in progress does) for a moment.
    const other = await pool().connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM "ReviewQueueItem" WHERE id = $1 FOR UPDATE`, [item!.id]);
      const claiming = claimNextItem(ana, queue.id);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await other.query("COMMIT");
      expect((await claiming)?.itemId).toBe(item!.id);
    } finally {
      other.release();
    }
    // With its slots taken, the answer is "nothing left", and at once.
    expect((await claimNextItem(bo, queue.id))?.itemId).toBe(item!.id);
    expect(await claimNextItem(carla, queue.id)).toBeNull();
  });

  test("one person claiming from several tabs at once gets one item, without errors", async () => {
    const ana = await createReviewer("tabs");
    const queue = await queueWith("tabs", { overlap: 1, size: 6, members: [ana.id] });
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimNextItem(ana, queue.id)));
    expect(new Set(claims.map((claim) => claim?.itemId)).size).toBe(1);
    expect(await assignmentsOf(queue.id)).toHaveLength(1);
  });

  test("a user holds one lease per queue: asking again hands back the same item", async () => {
    const ana = await createReviewer("resume");
    const queue = await queueWith("resume", { overlap: 1, size: 3, members: [ana.id] });
    const first = await claimNextItem(ana, queue.id);
    const again = await claimNextItem(ana, queue.id);
    expect(again?.itemId).toBe(first?.itemId);
    expect(again?.resumed).toBe(true);
  });

  test("an abandoned item comes back when its lease runs out; its first holder cannot submit once it is taken", async () => {
    const [ana, bo] = await Promise.all([createReviewer("lease-a"), createReviewer("lease-b")]);
    const queue = await queueWith("lease", { overlap: 1, size: 1, members: [ana.id, bo.id] });
    const anaClaim = await claimNextItem(ana, queue.id);
    expect(anaClaim).not.toBeNull();
    expect(await claimNextItem(bo, queue.id)).toBeNull();

    await pool().query(`UPDATE "ReviewAssignment" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = $1`, [
      anaClaim!.assignmentId,
    ]);
    const boClaim = await claimNextItem(bo, queue.id);
    expect(boClaim?.itemId).toBe(anaClaim!.itemId);

    await expect(saveAudit(ana, queue.id, anaClaim!.itemId, { verdict: "CORRECT", submit: true, baseVersion: null })).rejects.toThrow(
      /went to someone else/,
    );
    // Ana coming back finds nothing: her old lease is given up, and the item is never hers again.
    expect(await claimNextItem(ana, queue.id)).toBeNull();
    const statuses = Object.fromEntries((await assignmentsOf(queue.id)).map((a) => [a.userId, a.status]));
    expect(statuses).toEqual({ [ana.id]: "RELEASED", [bo.id]: "LEASED" });
  });

  test("an expired lease nobody took is handed back to its holder and can still be submitted", async () => {
    const ana = await createReviewer("expired-own");
    const queue = await queueWith("expired-own", { overlap: 1, size: 2, members: [ana.id] });
    const claim = await claimNextItem(ana, queue.id);
    await pool().query(`UPDATE "ReviewAssignment" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 hour' WHERE id = $1`, [
      claim!.assignmentId,
    ]);
    const audit = await saveAudit(ana, queue.id, claim!.itemId, { verdict: "HALLUCINATED", submit: true, baseVersion: null });
    expect(audit.assignment.status).toBe("SUBMITTED");
  });

  test("a released item goes to someone else and never back to the person who skipped it", async () => {
    const [ana, bo] = await Promise.all([createReviewer("skip-a"), createReviewer("skip-b")]);
    const queue = await queueWith("skip", { overlap: 1, size: 2, members: [ana.id, bo.id] });
    const first = await claimNextItem(ana, queue.id);
    await releaseItem(ana, queue.id, first!.itemId);
    const second = await claimNextItem(ana, queue.id);
    expect(second?.itemId).not.toBe(first!.itemId);
    expect((await claimNextItem(bo, queue.id))?.itemId).toBe(first!.itemId);
  });

  test("people who are not members get nothing, and a closed queue hands out nothing", async () => {
    const [member, outsider, researcher] = await Promise.all([
      createReviewer("member"),
      createReviewer("outsider"),
      createReviewer("researcher", "RESEARCHER"),
    ]);
    const queue = await queueWith("membership", { overlap: 1, size: 2, members: [member.id] });
    await expect(claimNextItem(outsider, queue.id)).rejects.toMatchObject({
      kind: "not-found",
      message: expect.stringMatching(/not found among your queues/),
    });
    expect(await claimNextItem(researcher, queue.id)).not.toBeNull();
    await pool().query(`UPDATE "ReviewQueue" SET status = 'CLOSED' WHERE id = $1`, [queue.id]);
    await expect(claimNextItem(member, queue.id)).rejects.toMatchObject({ kind: "conflict", message: expect.stringMatching(/closed/) });
  });
});
