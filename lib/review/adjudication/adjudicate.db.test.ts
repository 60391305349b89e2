import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { countCurated } from "@/lib/cycles/db/metrics-repository";
import { curatedPage } from "@/lib/cycles/db/export-repository";
import { pool } from "@/lib/db/pool";
import { auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { saveAudit } from "../audits/save-audit";
import { claimNextItem } from "../claims/claim-next";
import type { AuditVerdict } from "../constants";
import { auditsCsv, queueAudits } from "../export/audit-export";
import { queueMetrics } from "../metrics/queue-metrics";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { adjudicateItem, adjudicationSchema, listDisagreements, listQueuesToAdjudicate } from "./adjudicate";

closeConnectionsAfterAll();

const runTag = randomUUID().slice(0, 8);

type Judgement = { verdict: AuditVerdict; spans: [number, number][] };

/**
 * A queue of three items each judged by Ana and Bo (overlap 2), in queue order:
 * 1. Ana CORRECT, no spans; Bo HALLUCINATED [0, 5)           → disagree by verdict and spans
 * 2. both HALLUCINATED, spans [0, 10) and [5, 15) (overlap)   → agree
 * 3. both HALLUCINATED, spans [0, 10) and [20, 30) (apart)    → disagree by spans
 */
async function disputedQueue(tag: string) {
  const fixture = await seedReviewFixture({ tag: `${tag}-${runTag}`, questions: 3 });
  const [ana, bo] = await Promise.all([createReviewer(`${tag}-ana`), createReviewer(`${tag}-bo`)]);
  const queue = await createQueue(
    createQueueSchema.parse({ name: `adjudicate ${tag}`, cycleId: fixture.cycleIds[0], size: 3, overlap: 2, assignees: [ana.id, bo.id] }),
    SYSTEM_ACTOR,
  );
  const plan: Record<string, Judgement[]> = {
    [ana.id]: [
      { verdict: "CORRECT", spans: [] },
      { verdict: "HALLUCINATED", spans: [[0, 10]] },
      { verdict: "HALLUCINATED", spans: [[0, 10]] },
    ],
    [bo.id]: [
      { verdict: "HALLUCINATED", spans: [[0, 5]] },
      { verdict: "HALLUCINATED", spans: [[5, 15]] },
      { verdict: "HALLUCINATED", spans: [[20, 30]] },
    ],
  };
  const itemIds: number[] = [];
  for (const rater of [ana, bo]) {
    for (const judgement of plan[rater.id]!) {
      const claim = await claimNextItem(rater, queue.id);
      if (!claim) throw new Error("nothing to claim");
      if (rater === ana) itemIds.push(claim.itemId);
      await saveAudit(rater, queue.id, claim.itemId, {
        baseVersion: null,
        verdict: judgement.verdict,
        hallucinatedSpans: judgement.spans.map(([start, end]) => ({ start, end })),
        submit: true,
      });
    }
  }
  return { fixture, ana, bo, queue, itemIds };
}

describe("adjudication", () => {
  test("lists the items raters disagree on, by verdict or by spans, each rater side by side with the answer", async () => {
    const { ana, bo, queue, itemIds } = await disputedQueue("list");
    const researcher = await createReviewer("list-researcher", "RESEARCHER");
    const listed = await listDisagreements(researcher, queue.id);
    expect(listed.items.map((item) => [item.itemId, item.disagreeOn])).toEqual([
      [itemIds[0], ["verdict", "spans"]],
      [itemIds[2], ["spans"]],
    ]);
    expect(listed).toMatchObject({ open: 2, adjudicated: 0 });
    const first = listed.items[0]!;
    expect(first.answer.length).toBeGreaterThan(30);
    expect(first.simulated).toBe(true);
    expect(first.adjudication).toBeNull();
    expect(first.raters.map((rater) => ({ id: rater.id, verdict: rater.verdict, spans: rater.hallucinatedSpans }))).toEqual([
      { id: ana.id, verdict: "CORRECT", spans: [] },
      { id: bo.id, verdict: "HALLUCINATED", spans: [{ start: 0, end: 5, text: first.answer.slice(0, 5) }] },
    ]);
  });

  test("a researcher or a PI records the final verdict with a note, audited in the same transaction; an annotator may not", async () => {
    const { ana, queue, itemIds } = await disputedQueue("record");
    const [researcher, pi] = await Promise.all([createReviewer("record-researcher", "RESEARCHER"), createReviewer("record-pi", "PI")]);

    await expect(
      adjudicateItem(ana, { userId: ana.id }, queue.id, itemIds[0]!, { verdict: "CORRECT", hallucinatedSpans: [], note: "mine" }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listDisagreements(ana, queue.id)).rejects.toMatchObject({ kind: "forbidden" });
    expect(adjudicationSchema.safeParse({ verdict: "CORRECT", note: "  " }).success).toBe(false);

    const recorded = await adjudicateItem(researcher, { userId: researcher.id, ip: "10.0.0.9" }, queue.id, itemIds[0]!, {
      verdict: "HALLUCINATED",
      hallucinatedSpans: [{ start: 0, end: 5 }],
      note: "Bo is right: the opening is invented",
    });
    expect(recorded).toMatchObject({ verdict: "HALLUCINATED", hallucinatedSpans: [{ start: 0, end: 5 }] });
    const generationId = (await listDisagreements(researcher, queue.id)).items[0]!.generationId;
    expect(await auditTrail("review.adjudicate", generationId)).toEqual([
      {
        actorId: researcher.id,
        targetType: "Generation",
        ipAddress: "10.0.0.9",
        details: {
          queueId: queue.id,
          itemId: itemIds[0],
          verdict: "HALLUCINATED",
          previousVerdict: null,
          spans: 1,
          note: "Bo is right: the opening is invented",
        },
      },
    ]);

    // The PI overrules it; the entry names the verdict it replaced.
    await adjudicateItem(pi, { userId: pi.id }, queue.id, itemIds[0]!, {
      verdict: "CORRECT",
      hallucinatedSpans: [],
      note: "Checked the clip",
    });
    const listed = await listDisagreements(pi, queue.id);
    expect(listed).toMatchObject({ open: 1, adjudicated: 1 });
    expect(listed.items[0]!.adjudication).toMatchObject({ verdict: "CORRECT", note: "Checked the clip", by: { id: pi.id } });
    expect((await auditTrail("review.adjudicate", generationId)).map((entry) => entry.details)).toContainEqual(
      expect.objectContaining({ verdict: "CORRECT", previousVerdict: "HALLUCINATED" }),
    );

    // A change whose transaction fails at commit leaves neither the adjudication nor its entry.
    await withFailingCommits("Adjudication", () =>
      expect(
        adjudicateItem(researcher, { userId: researcher.id }, queue.id, itemIds[2]!, {
          verdict: "UNSURE",
          hallucinatedSpans: [],
          note: "x",
        }),
      ).rejects.toThrow(/forced failure/),
    );
    expect((await listDisagreements(researcher, queue.id)).items[1]!.adjudication).toBeNull();
    const third = (await listDisagreements(researcher, queue.id)).items[1]!.generationId;
    expect(await auditTrail("review.adjudicate", third)).toEqual([]);
  });

  test("a PI finds the queues with overlap, with how many items were rated twice and adjudicated; an annotator may not", async () => {
    const { ana, queue, itemIds } = await disputedQueue("queues");
    const pi = await createReviewer("queues-pi", "PI");
    const listed = () => listQueuesToAdjudicate(pi).then((queues) => queues.find((each) => each.id === queue.id));
    expect(await listed()).toMatchObject({ name: "adjudicate queues", overlap: 2, multiplyRated: 3, adjudicated: 0, cycleIndex: 1 });
    await adjudicateItem(pi, { userId: pi.id }, queue.id, itemIds[0]!, { verdict: "CORRECT", hallucinatedSpans: [], note: "fine" });
    expect(await listed()).toMatchObject({ multiplyRated: 3, adjudicated: 1 });
    await expect(listQueuesToAdjudicate(ana)).rejects.toMatchObject({ kind: "forbidden" });
  });

  test("an item nobody submitted, or one outside the queue, cannot be adjudicated; spans past the answer are refused", async () => {
    const fixture = await seedReviewFixture({ tag: `empty-${runTag}`, questions: 2 });
    const ana = await createReviewer("empty-ana");
    const researcher = await createReviewer("empty-researcher", "RESEARCHER");
    const queue = await createQueue(
      createQueueSchema.parse({ name: "adjudicate empty", cycleId: fixture.cycleIds[0], size: 2, overlap: 1, assignees: [ana.id] }),
      SYSTEM_ACTOR,
    );
    const [item] = (await pool().query<{ id: number }>(`SELECT id FROM "ReviewQueueItem" WHERE "queueId" = $1 ORDER BY id`, [queue.id]))
      .rows;
    const input = { verdict: "CORRECT" as const, hallucinatedSpans: [], note: "n" };
    await expect(adjudicateItem(researcher, SYSTEM_ACTOR, queue.id, item!.id, input)).rejects.toMatchObject({ kind: "conflict" });
    await expect(adjudicateItem(researcher, SYSTEM_ACTOR, queue.id, 999_999_999, input)).rejects.toMatchObject({ kind: "not-found" });
    const claim = await claimNextItem(ana, queue.id);
    await saveAudit(ana, queue.id, claim!.itemId, { baseVersion: null, verdict: "CORRECT", submit: true });
    await expect(
      adjudicateItem(researcher, SYSTEM_ACTOR, queue.id, claim!.itemId, { ...input, hallucinatedSpans: [{ start: 0, end: 100_000 }] }),
    ).rejects.toMatchObject({ kind: "invalid-input" });
  });

  test("metrics and the audit export use the adjudicated verdict and say so; agreement stays the raters'", async () => {
    const { queue, itemIds } = await disputedQueue("metrics");
    const researcher = await createReviewer("metrics-researcher", "RESEARCHER");
    const before = await queueMetrics(queue.id, { fresh: true });
    // Item 1 is a tie (one hallucinated, one correct), which counts as hallucinating: 3 of 3.
    expect(before.overall.hallucination).toMatchObject({ count: 3, n: 3 });
    expect(before.overall.adjudicated).toBe(0);

    await adjudicateItem(researcher, SYSTEM_ACTOR, queue.id, itemIds[0]!, { verdict: "CORRECT", hallucinatedSpans: [], note: "clean" });
    const after = await queueMetrics(queue.id, { fresh: true });
    expect(after.overall.hallucination).toMatchObject({ count: 2, n: 3 });
    expect(after.overall.adjudicated).toBe(1);
    expect(after.agreement.verdict).toEqual(before.agreement.verdict);

    const audits = await queueAudits(researcher, queue.id);
    const rows = parse(auditsCsv(audits), { columns: true }) as Record<string, string>[];
    const firstItemRows = rows.filter((row) => row.final_verdict_from === "adjudication");
    expect(firstItemRows).toHaveLength(2);
    for (const row of firstItemRows) {
      expect(row).toMatchObject({
        adjudicated_verdict: "CORRECT",
        adjudication_note: "clean",
        adjudicated_by_id: researcher.id,
        adjudicated_by_name: "Reviewer metrics-researcher",
        final_verdict: "CORRECT",
      });
      expect(Number.isNaN(Date.parse(row.adjudicated_at!))).toBe(false);
    }
    expect(firstItemRows.map((row) => row.verdict).sort()).toEqual(["CORRECT", "HALLUCINATED"]);
    const others = rows.filter((row) => row.final_verdict_from === "rater");
    expect(others).toHaveLength(4);
    for (const row of others) expect(row).toMatchObject({ adjudicated_verdict: "", final_verdict: row.verdict });
  });

  test("the training export's human-verdict rule: an adjudicated CORRECT keeps a flagged answer, an adjudicated HALLUCINATED drops one", async () => {
    const fixture = await seedReviewFixture({ tag: `training-${runTag}`, questions: 3 });
    const [ana, researcher] = await Promise.all([createReviewer("training-ana"), createReviewer("training-researcher", "RESEARCHER")]);
    const cycleId = fixture.cycleIds[0]!;
    const passedAnswers = fixture.generations.filter((g) => g.cycleId === cycleId && g.passed && g.mode === "ANSWER");
    expect(passedAnswers.length).toBeGreaterThanOrEqual(2);
    const [flaggedThenCleared, neverFlagged] = passedAnswers;
    const kept = async () =>
      (
        await curatedPage({ cycleId, verifierVersion: "fixture-1", modes: ["ANSWER"], excludeHallucinated: true, afterId: 0, limit: 100 })
      ).map((row) => row.generationId);
    const counted = async () =>
      (await countCurated(cycleId, "fixture-1", { directOnly: true, excludeHallucinated: true })).find((row) => row.mode === "ANSWER")?.n ??
      0;

    expect(await kept()).toEqual(passedAnswers.map((g) => g.id));
    await pool().query(
      `INSERT INTO "Audit" ("generationId", "userId", verdict, "submittedAt", "updatedAt") VALUES ($1, $2, 'HALLUCINATED', now(), now())`,
      [flaggedThenCleared!.id, ana.id],
    );
    expect(await kept()).not.toContain(flaggedThenCleared!.id);
    const adjudicate = (generationId: number, verdict: AuditVerdict) =>
      pool().query(
        `INSERT INTO "Adjudication" ("generationId", "userId", verdict, note) VALUES ($1, $2, $3::"AuditVerdict", 'test')
         ON CONFLICT ("generationId") DO UPDATE SET verdict = EXCLUDED.verdict`,
        [generationId, researcher.id, verdict],
      );
    await adjudicate(flaggedThenCleared!.id, "CORRECT");
    await adjudicate(neverFlagged!.id, "HALLUCINATED");
    const now = await kept();
    expect(now).toContain(flaggedThenCleared!.id);
    expect(now).not.toContain(neverFlagged!.id);
    expect(now).toHaveLength(passedAnswers.length - 1);
    expect(await counted()).toBe(passedAnswers.length - 1);
  });
});
