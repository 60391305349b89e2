import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { saveAudit } from "../audits/save-audit";
import { claimNextItem } from "../claims/claim-next";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { queueMetrics } from "./queue-metrics";

closeConnectionsAfterAll();

describe("queue metrics from the database", () => {
  test("units take their cycle, dataset, mode and verdict from the item; gold items count for gold accuracy; idle members are listed", async () => {
    const [ana, bo, idle] = await Promise.all([createReviewer("qm-ana"), createReviewer("qm-bo"), createReviewer("qm-idle")]);
    const fixture = await seedReviewFixture({ tag: "queue-metrics", questions: 4, cycles: 2 });
    const cycleId = fixture.cycleIds[1]!;
    const ofCycle = fixture.generations.filter((g) => g.cycleId === cycleId);
    const goldGeneration = ofCycle[0]!;
    const queue = await createQueue(
      createQueueSchema.parse({
        name: "metrics shape",
        cycleId,
        size: 3,
        overlap: 2,
        assignees: [ana.id, bo.id, idle.id],
        gold: [{ generationId: goldGeneration.id, answer: { verdict: "HALLUCINATED" } }],
      }),
      SYSTEM_ACTOR,
    );
    const { rows: items } = await pool().query<{ id: number; generationId: number; isGold: boolean }>(
      `SELECT id, "generationId", "isGold" FROM "ReviewQueueItem" WHERE "queueId" = $1`,
      [queue.id],
    );
    for (const user of [ana, bo]) {
      for (let i = 0; i < items.length; i += 1) {
        const claim = await claimNextItem(user, queue.id);
        if (!claim) break;
        const isGold = items.find((item) => item.id === claim.itemId)?.isGold;
        await saveAudit(user, queue.id, claim.itemId, {
          verdict: isGold && user === ana ? "HALLUCINATED" : "CORRECT",
          labelPresent: true,
          submit: true,
          baseVersion: null,
        });
      }
    }

    const metrics = await queueMetrics(queue.id, { fresh: true });
    const sampled = items.filter((item) => !item.isGold).length;
    expect(metrics.progress).toMatchObject({ items: items.length, overlap: 2, started: items.length, complete: items.length });
    expect(metrics.progress.submitted).toBe(items.length * 2);
    expect(metrics.overall.units).toBe(sampled);
    expect(metrics.byDataset.map((group) => group.label)).toEqual(["Review fixture queue-metrics"]);
    expect(metrics.byCycle.map((group) => group.label)).toEqual(["Cycle 2"]);
    const modes = new Set(items.filter((item) => !item.isGold).map((item) => ofCycle.find((g) => g.id === item.generationId)?.mode));
    expect(metrics.byMode.map((group) => group.key).sort()).toEqual([...modes].sort());
    const passed = items.filter((item) => !item.isGold && ofCycle.find((g) => g.id === item.generationId)?.passed).length;
    expect(metrics.overall.precision.n).toBe(passed);
    expect(metrics.overall.missRate.n).toBe(sampled - passed);
    expect(metrics.gold.map(({ raterId, n, correct }) => ({ raterId, n, correct }))).toEqual(
      [
        { raterId: ana.id, n: 1, correct: 1 },
        { raterId: bo.id, n: 1, correct: 0 },
      ].sort((a, b) => a.raterId.localeCompare(b.raterId)),
    );
    expect(metrics.agreement.verdict.units).toBe(items.length);
    expect(metrics.raters.find((rater) => rater.raterId === idle.id)).toMatchObject({ submitted: 0 });
    expect(
      metrics.raters
        .filter((rater) => rater.submitted === items.length)
        .map((rater) => rater.raterId)
        .sort(),
    ).toEqual([ana.id, bo.id].sort());
    expect(metrics.throughput.reduce((sum, hour) => sum + hour.submitted, 0)).toBe(items.length * 2);
  });
});
