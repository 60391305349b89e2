import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { claimNextItem } from "../claims/claim-next";
import { itemDetail } from "../items/item-detail";
import { listMyHistory } from "../items/history";
import { listQueueItems } from "../items/list-items";
import { queueMetrics } from "../metrics/queue-metrics";
import { releaseItem } from "../claims/release";
import { queueDetail } from "../queues/queue-repository";
import { createQueue } from "../queues/create-queue";
import { listQueues } from "../queues/list-queues";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { saveAudit } from "./save-audit";

closeConnectionsAfterAll();

async function setUp(tag: string, options: { blind?: boolean; overlap?: number; cycles?: number } = {}) {
  const [ana, bo] = await Promise.all([createReviewer(`${tag}-ana`), createReviewer(`${tag}-bo`)]);
  const fixture = await seedReviewFixture({ tag, questions: 3, cycles: options.cycles ?? 1 });
  const queue = await createQueue(
    createQueueSchema.parse({
      name: `audits ${tag}`,
      cycleId: fixture.cycleIds.at(-1),
      size: 6,
      overlap: options.overlap ?? 1,
      blind: options.blind ?? false,
      assignees: [ana.id, bo.id],
    }),
    SYSTEM_ACTOR,
  );
  return { ana, bo, fixture, queue };
}

describe("audits", () => {
  test("autosaves are partial upserts: one audit per person and item, fields kept until changed", async () => {
    const { ana, queue } = await setUp("partial");
    const claim = (await claimNextItem(ana, queue.id))!;
    const first = await saveAudit(ana, queue.id, claim.itemId, { verdict: "PARTLY_CORRECT", baseVersion: null });
    const second = await saveAudit(ana, queue.id, claim.itemId, { note: "the rack is not in the clip", baseVersion: first.version });
    const detail = await itemDetail(ana, queue.id, claim.itemId);
    const rack = detail.generation.text.indexOf("drying rack");
    const spans = rack >= 0 ? [{ start: rack, end: rack + "drying rack".length, videoStartSec: 2 }] : [{ start: 0, end: 3 }];
    const saved = await saveAudit(ana, queue.id, claim.itemId, {
      hallucinatedSpans: spans,
      labelPresent: true,
      baseVersion: second.version,
    });
    expect(saved).toMatchObject({ verdict: "PARTLY_CORRECT", note: "the rack is not in the clip", labelPresent: true, submittedAt: null });
    expect(saved.hallucinatedSpans[0]?.text).toBe(detail.generation.text.slice(spans[0]!.start, spans[0]!.end));
    // Undo sends the earlier value back.
    const undone = await saveAudit(ana, queue.id, claim.itemId, { verdict: null, baseVersion: saved.version });
    expect(undone.verdict).toBeNull();
    await expect(saveAudit(ana, queue.id, claim.itemId, { submit: true, baseVersion: undone.version })).rejects.toMatchObject({
      kind: "invalid-input",
      field: "verdict",
      message: expect.stringMatching(/choose a verdict/),
    });
    const submitted = await saveAudit(ana, queue.id, claim.itemId, { verdict: "HALLUCINATED", submit: true, baseVersion: undone.version });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    expect(submitted.assignment.status).toBe("SUBMITTED");
  });

  test("refuses audits from someone without the item, and spans past the answer", async () => {
    const { ana, bo, queue } = await setUp("refusals");
    const claim = (await claimNextItem(ana, queue.id))!;
    await expect(saveAudit(bo, queue.id, claim.itemId, { verdict: "CORRECT", baseVersion: null })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/hold no assignment/),
    });
    await expect(
      saveAudit(ana, queue.id, claim.itemId, { hallucinatedSpans: [{ start: 0, end: 100_000 }], baseVersion: null }),
    ).rejects.toThrow(/past the end of the answer/);
  });
});

describe("saving over a newer save", () => {
  test("a draft opened before the last save is refused (conflict), and the newer audit is kept", async () => {
    const { ana, queue } = await setUp("stale");
    const claim = (await claimNextItem(ana, queue.id))!;
    const opened = await itemDetail(ana, queue.id, claim.itemId);
    expect(opened.audit).toBeNull();
    const saved = await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", baseVersion: null });
    expect(saved.version).toBe(1);

    // The screen shows the draft it opened (no audit) again, and Enter submits it: refused.
    await expect(
      saveAudit(ana, queue.id, claim.itemId, { verdict: "HALLUCINATED", submit: true, baseVersion: null }),
    ).rejects.toMatchObject({ kind: "conflict", field: "baseVersion", message: expect.stringMatching(/changed since you opened it/) });
    const kept = await itemDetail(ana, queue.id, claim.itemId);
    expect(kept.audit).toMatchObject({ verdict: "CORRECT", submittedAt: null, version: 1 });
    expect(kept.assignment?.status).toBe("LEASED");

    // From the latest saved version it goes through, and each save moves the version on.
    const submitted = await saveAudit(ana, queue.id, claim.itemId, { verdict: "HALLUCINATED", submit: true, baseVersion: 1 });
    expect(submitted).toMatchObject({ verdict: "HALLUCINATED", version: 2, assignment: { status: "SUBMITTED" } });
  });

  test("the same audit edited in two tabs: the second save is refused, not merged", async () => {
    const { ana, queue } = await setUp("two-tabs");
    const claim = (await claimNextItem(ana, queue.id))!;
    const base = await saveAudit(ana, queue.id, claim.itemId, { verdict: "PARTLY_CORRECT", baseVersion: null });
    const tabA = await saveAudit(ana, queue.id, claim.itemId, { note: "from tab A", baseVersion: base.version });
    await expect(saveAudit(ana, queue.id, claim.itemId, { verdict: "UNSURE", baseVersion: base.version })).rejects.toMatchObject({
      kind: "conflict",
      field: "baseVersion",
    });
    expect((await itemDetail(ana, queue.id, claim.itemId)).audit).toMatchObject({
      verdict: "PARTLY_CORRECT",
      note: "from tab A",
      version: tabA.version,
    });
  });

  test("two saves racing from the same version: exactly one is stored", async () => {
    const { ana, queue } = await setUp("race");
    const claim = (await claimNextItem(ana, queue.id))!;
    const results = await Promise.allSettled(
      (["CORRECT", "HALLUCINATED"] as const).map((verdict) => saveAudit(ana, queue.id, claim.itemId, { verdict, baseVersion: null })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = results.find((result) => result.status === "fulfilled")!;
    expect((await itemDetail(ana, queue.id, claim.itemId)).audit?.verdict).toBe(winner.value.verdict);
  });
});

describe("blind queues", () => {
  test("a submitted audit is final: changing or resubmitting it is refused, its answer and time stay", async () => {
    const { ana, queue } = await setUp("blind-final", { blind: true });
    const claim = (await claimNextItem(ana, queue.id))!;
    const submitted = await saveAudit(ana, queue.id, claim.itemId, {
      verdict: "CORRECT",
      labelPresent: true,
      submit: true,
      baseVersion: null,
    });
    const seen = await itemDetail(ana, queue.id, claim.itemId);
    expect(seen.verdictHidden).toBe(false);
    expect(seen.auditFinal).toBe(true);

    for (const patch of [
      { verdict: "HALLUCINATED" as const },
      { verdict: "HALLUCINATED" as const, submit: true },
      { note: "on second thought" },
    ]) {
      await expect(saveAudit(ana, queue.id, claim.itemId, { ...patch, baseVersion: submitted.version })).rejects.toMatchObject({
        kind: "conflict",
        message: expect.stringMatching(/blind queue.*final/),
      });
    }
    const after = await itemDetail(ana, queue.id, claim.itemId);
    expect(after.audit).toMatchObject({ verdict: "CORRECT", labelPresent: true, note: "", version: submitted.version });
    expect(after.audit?.submittedAt).toBe(seen.audit?.submittedAt);
  });

  test("an audit submitted blind stays final through a non-blind queue holding the same answer", async () => {
    const { ana, fixture, queue: blind } = await setUp("blind-twice", { blind: true });
    const open = await createQueue(
      createQueueSchema.parse({ name: "audits blind-twice open", cycleId: fixture.cycleIds.at(-1), size: 6, assignees: [ana.id] }),
      SYSTEM_ACTOR,
    );
    const claim = (await claimNextItem(ana, blind.id))!;
    const submitted = await saveAudit(ana, blind.id, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    const generationId = (await itemDetail(ana, blind.id, claim.itemId)).generation.id;

    let sameAnswer: number | null = null;
    for (let next = await claimNextItem(ana, open.id); next; next = await claimNextItem(ana, open.id)) {
      if ((await itemDetail(ana, open.id, next.itemId)).generation.id === generationId) sameAnswer = next.itemId;
      else await saveAudit(ana, open.id, next.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
      if (sameAnswer !== null) break;
    }
    expect(sameAnswer).not.toBeNull();
    expect((await itemDetail(ana, open.id, sameAnswer!)).auditFinal).toBe(true);
    await expect(saveAudit(ana, open.id, sameAnswer!, { verdict: "HALLUCINATED", baseVersion: submitted.version })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/blind queue.*final/),
    });
    expect((await itemDetail(ana, blind.id, claim.itemId)).audit?.verdict).toBe("CORRECT");
  });

  test("outside blind mode a submitted audit can still be corrected", async () => {
    const { ana, queue } = await setUp("open-edit");
    const claim = (await claimNextItem(ana, queue.id))!;
    const submitted = await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    expect((await itemDetail(ana, queue.id, claim.itemId)).auditFinal).toBe(false);
    const corrected = await saveAudit(ana, queue.id, claim.itemId, { verdict: "HALLUCINATED", baseVersion: submitted.version });
    expect(corrected.verdict).toBe("HALLUCINATED");
  });
});

describe("what annotators see", () => {
  test("an annotator reads only the items handed to them; researchers read every item", async () => {
    const { ana, bo, queue } = await setUp("handed");
    const researcher = await createReviewer("handed-researcher", "RESEARCHER");
    const anas = (await claimNextItem(ana, queue.id))!;
    const untouched = (await listQueueItems(queue.id, { limit: 10 })).rows.find((row) => row.id !== anas.itemId)!;

    await expect(itemDetail(bo, queue.id, anas.itemId)).rejects.toMatchObject({ kind: "not-found" });
    await expect(itemDetail(ana, queue.id, untouched.id)).rejects.toMatchObject({ kind: "not-found" });
    expect((await itemDetail(ana, queue.id, anas.itemId)).item.id).toBe(anas.itemId);
    expect((await itemDetail(researcher, queue.id, untouched.id)).item.id).toBe(untouched.id);
    // A skipped item was handed to them: it stays readable (shown as skipped).
    await releaseItem(ana, queue.id, anas.itemId);
    expect((await itemDetail(ana, queue.id, anas.itemId)).assignment?.status).toBe("RELEASED");
  });

  test("annotators see neither the members' e-mails nor the queue's overall progress", async () => {
    const { ana, bo, queue } = await setUp("members");
    const researcher = await createReviewer("members-researcher", "RESEARCHER");
    const claim = (await claimNextItem(ana, queue.id))!;
    await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });

    expect((await queueDetail(ana, queue.id)).members).toBeNull();
    const managed = await queueDetail(researcher, queue.id);
    expect(managed.members?.map((member) => member.email).sort()).toEqual([`${ana.id}@test.local`, `${bo.id}@test.local`].sort());

    const mine = (await listQueues(ana, { limit: 50 })).rows.find((row) => row.id === queue.id);
    expect(mine).toMatchObject({ mySubmitted: 1, submitted: null });
    const all = (await listQueues(researcher, { limit: 50 })).rows.find((row) => row.id === queue.id);
    expect(all?.submitted).toBe(1);
  });
});

describe("numbering", () => {
  test("gold items are numbered apart from the sampled ones; the item screen says which of your items this is", async () => {
    const [ana, researcher] = await Promise.all([createReviewer("numbers-ana"), createReviewer("numbers-researcher", "RESEARCHER")]);
    const fixture = await seedReviewFixture({ tag: "numbers", questions: 4 });
    const gold = fixture.generations.slice(0, 2).map((generation) => ({ generationId: generation.id, answer: { verdict: "CORRECT" } }));
    const queue = await createQueue(
      createQueueSchema.parse({ name: "numbers", cycleId: fixture.cycleIds[0], size: 5, assignees: [ana.id], gold, seed: 7 }),
      SYSTEM_ACTOR,
    );
    const rows = (await listQueueItems(queue.id, { limit: 50 })).rows;
    const regular = rows.filter((row) => !row.isGold);
    expect(regular.map((row) => row.number)).toEqual(regular.map((_, index) => index + 1));
    expect(rows.filter((row) => row.isGold).map((row) => row.number)).toEqual([1, 2]);
    // Page by page, the numbers go on from the pages before.
    const paged: typeof rows = [];
    let cursor: string | undefined;
    do {
      const page = await listQueueItems(queue.id, { limit: 2, cursor });
      paged.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged.map((row) => [row.id, row.number])).toEqual(rows.map((row) => [row.id, row.number]));

    const first = (await claimNextItem(ana, queue.id))!;
    await saveAudit(ana, queue.id, first.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    const second = (await claimNextItem(ana, queue.id))!;
    const detail = await itemDetail(ana, queue.id, second.itemId);
    expect(detail.queue.size).toBe(rows.length);
    expect(detail.navigation.ordinal).toBe(2);
    expect(detail.item.number).toBeNull();
    const managed = await itemDetail(researcher, queue.id, second.itemId);
    expect(managed.navigation.ordinal).toBeNull();
    expect(managed.item.number).toBe(rows.find((row) => row.id === second.itemId)?.number);
  });
});

describe("item detail", () => {
  test("has the question, video, labels, verdict with matched spans, related generations and navigation", async () => {
    const { ana, queue } = await setUp("detail", { cycles: 2 });
    const first = (await claimNextItem(ana, queue.id))!;
    await saveAudit(ana, queue.id, first.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    const second = (await claimNextItem(ana, queue.id))!;
    const detail = await itemDetail(ana, queue.id, second.itemId);
    expect(detail.question.text).toMatch(/pick up the box/);
    expect(detail.video.src).toBe(`/api/media/videos/${detail.video.id}`);
    expect(detail.labels.map((label) => label.kind).sort()).toEqual(["BBOX", "BBOX", "INTERVAL", "INTERVAL", "SEQUENCE"]);
    expect(detail.verdict?.method).toBe("interval:temporal-iou");
    if (detail.verdict?.passed)
      expect(detail.generation.text.slice(detail.verdict.matches[0]!.start!, detail.verdict.matches[0]!.end!)).toMatch(/1\.0 s to 2\.0 s/);
    // The other mode of this cycle and both modes of the other cycle.
    expect(detail.related).toHaveLength(3);
    expect(new Set(detail.related.map((r) => r.cycleIndex))).toEqual(new Set([1, 2]));
    expect(detail.navigation).toEqual({ previousItemId: first.itemId, nextItemId: null, ordinal: 2 });
    expect((await itemDetail(ana, queue.id, first.itemId)).navigation.nextItemId).toBe(second.itemId);
    expect(detail.item.isGold).toBeNull();
  });

  test("a blind queue hides the verdict and related verdicts until this person has submitted", async () => {
    const { ana, queue } = await setUp("blind", { blind: true, cycles: 2 });
    const claim = (await claimNextItem(ana, queue.id))!;
    const before = await itemDetail(ana, queue.id, claim.itemId);
    expect(before.verdict).toBeNull();
    expect(before.verdictHidden).toBe(true);
    expect(before.related.every((related) => related.passed === null && related.score === null)).toBe(true);
    await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    const after = await itemDetail(ana, queue.id, claim.itemId);
    expect(after.verdict).not.toBeNull();
    expect(after.verdictHidden).toBe(false);
  });

  test("an outsider gets not-found", async () => {
    const { queue } = await setUp("outsider-detail");
    const outsider = await createReviewer("outsider-detail");
    await expect(itemDetail(outsider, queue.id, 1)).rejects.toThrow(/not found/);
  });
});

describe("metrics and lists", () => {
  test("metrics follow submissions: progress, hallucination rate, precision and agreement", async () => {
    const { ana, bo, queue } = await setUp("metrics", { overlap: 2 });
    const empty = await queueMetrics(queue.id);
    expect(empty.progress).toMatchObject({ items: 6, submitted: 0, target: 12, complete: 0 });
    expect(empty.overall.hallucination.n).toBe(0);

    for (const [user, verdict] of [
      [ana, "HALLUCINATED"],
      [bo, "HALLUCINATED"],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const claim = (await claimNextItem(user, queue.id))!;
        await saveAudit(user, queue.id, claim.itemId, {
          verdict: i === 0 ? "CORRECT" : verdict,
          labelPresent: true,
          submit: true,
          baseVersion: null,
        });
      }
    }
    const metrics = await queueMetrics(queue.id);
    expect(metrics.progress).toMatchObject({ submitted: 6, started: 3, complete: 3, activeLeases: 0 });
    expect(metrics.overall.hallucination.n).toBe(3);
    expect(metrics.overall.hallucination.count).toBeGreaterThanOrEqual(2);
    expect(metrics.overall.hallucination.low!).toBeLessThan(metrics.overall.hallucination.rate!);
    expect(metrics.overall.precision.n + metrics.overall.missRate.n).toBe(3);
    expect(metrics.agreement.raters).toBe(2);
    expect(metrics.agreement.verdict.units).toBe(3);
    expect(metrics.raters.map((rater) => rater.submitted)).toEqual([3, 3]);
    expect(metrics.throughput.reduce((sum, bucket) => sum + bucket.submitted, 0)).toBe(6);
  });

  test("queues, items and history page by keyset", async () => {
    const { ana, queue } = await setUp("paging");
    const firstPage = await listQueueItems(queue.id, { limit: 4 });
    expect(firstPage.rows).toHaveLength(4);
    const secondPage = await listQueueItems(queue.id, { limit: 4, cursor: firstPage.nextCursor! });
    expect(secondPage.rows).toHaveLength(2);
    expect(secondPage.nextCursor).toBeNull();
    expect(new Set([...firstPage.rows, ...secondPage.rows].map((row) => row.id)).size).toBe(6);

    for (let i = 0; i < 3; i += 1) {
      const claim = (await claimNextItem(ana, queue.id))!;
      await saveAudit(ana, queue.id, claim.itemId, { verdict: "CORRECT", submit: true, baseVersion: null });
    }
    const history = await listMyHistory(ana.id, queue.id, { limit: 2 });
    const rest = await listMyHistory(ana.id, queue.id, { limit: 2, cursor: history.nextCursor! });
    expect([...history.rows, ...rest.rows].map((row) => row.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED"]);

    const mine = await listQueues(ana, { limit: 50 });
    expect(mine.rows.map((row) => row.id)).toContain(queue.id);
    expect(mine.rows.find((row) => row.id === queue.id)?.mySubmitted).toBe(3);
    await expect(listQueueItems(queue.id, { limit: 4, cursor: "bogus" })).rejects.toThrow(/cursor/);
  });
});
