import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { auditPatchSchema } from "../schemas/audit-schemas";
import { intraclassCorrelation } from "../stats/icc";
import { claimNextItem } from "../claims/claim-next";
import { itemDetail } from "../items/item-detail";
import { queueMetrics } from "../metrics/queue-metrics";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { saveAudit } from "./save-audit";

closeConnectionsAfterAll();

async function setUp(tag: string) {
  const [ana, bo] = await Promise.all([createReviewer(`${tag}-ana`), createReviewer(`${tag}-bo`)]);
  const fixture = await seedReviewFixture({ tag, questions: 3 });
  const queue = await createQueue(
    createQueueSchema.parse({ name: `scores ${tag}`, cycleId: fixture.cycleIds.at(-1), size: 4, overlap: 2, assignees: [ana.id, bo.id] }),
    SYSTEM_ACTOR,
  );
  return { ana, bo, queue };
}

describe("answer-quality scores on audits", () => {
  test("a score is saved with the audit, kept by later partial saves, cleared by null, and versioned like any field", async () => {
    const { ana, queue } = await setUp("score-save");
    const claim = (await claimNextItem(ana, queue.id))!;
    const first = await saveAudit(ana, queue.id, claim.itemId, { qualityScore: 4, baseVersion: null });
    expect(first).toMatchObject({ qualityScore: 4, verdict: null, version: 1 });
    const second = await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", baseVersion: first.version });
    expect(second).toMatchObject({ qualityScore: 4, verdict: "CORRECT", version: 2 });
    expect((await itemDetail(ana, queue.id, claim.itemId)).audit?.qualityScore).toBe(4);
    // A stale draft cannot overwrite the score: the version check still refuses it.
    await expect(saveAudit(ana, queue.id, claim.itemId, { qualityScore: 1, baseVersion: first.version })).rejects.toMatchObject({
      kind: "conflict",
      field: "baseVersion",
    });
    const cleared = await saveAudit(ana, queue.id, claim.itemId, { qualityScore: null, baseVersion: second.version });
    expect(cleared.qualityScore).toBeNull();
  });

  test("the request schema takes whole scores from 1 to 5 and says so otherwise", () => {
    expect(auditPatchSchema.safeParse({ baseVersion: null, qualityScore: 5 }).success).toBe(true);
    for (const bad of [0, 6, 2.5, "3"]) {
      const parsed = auditPatchSchema.safeParse({ baseVersion: null, qualityScore: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("the quality score must be a whole number from 1 to 5");
    }
  });

  test("queue metrics give the ICC of the scores once two raters scored two items", async () => {
    const { ana, bo, queue } = await setUp("score-icc");
    // Each item's scores, whichever order the raters take the items in: bo is one point harsher on odd items.
    const given = new Map<number, { ana?: number; bo?: number }>();
    const submit = async (user: typeof ana, who: "ana" | "bo") => {
      const claim = (await claimNextItem(user, queue.id))!;
      const score = who === "ana" ? (claim.itemId % 4) + 2 : (claim.itemId % 4) + 2 - (claim.itemId % 2);
      given.set(claim.itemId, { ...given.get(claim.itemId), [who]: score });
      await saveAudit(user, queue.id, claim.itemId, { verdict: "CORRECT", qualityScore: score, submit: true, baseVersion: null });
    };
    await submit(ana, "ana");
    await submit(bo, "bo");
    const early = await queueMetrics(queue.id, { fresh: true });
    expect(early.agreement.qualityScore).toMatchObject({ icc21: null, icc3k: null, ratingsGiven: 2 });

    for (let i = 1; i < 4; i += 1) {
      await submit(ana, "ana");
      await submit(bo, "bo");
    }
    const all = await queueMetrics(queue.id, { fresh: true });
    expect(all.agreement.qualityScore).toMatchObject({ targets: 4, raters: 2, ratingsUsed: 8, ratingsGiven: 8 });
    const matrix = [...given.entries()].sort(([a], [b]) => a - b).map(([, pair]) => [pair.ana!, pair.bo!]);
    const expected = intraclassCorrelation(matrix);
    expect(all.agreement.qualityScore.icc21?.value).toBeCloseTo(expected.icc21?.value ?? Number.NaN, 10);
    expect(all.agreement.qualityScore.icc3k?.upper).toBeCloseTo(expected.icc3k?.upper ?? Number.NaN, 10);
  });
});
