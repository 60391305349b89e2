import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
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
import { auditsCsv, exportQueueAudits, queueAudits } from "./audit-export";

closeConnectionsAfterAll();

/** Fixture names are unique across the test files sharing the database. */
const runTag = randomUUID().slice(0, 8);

async function setting(tag: string) {
  const fixture = await seedReviewFixture({ tag: `${tag}-${runTag}`, questions: 3 });
  const ana = await createReviewer(`${tag}-ana`);
  const bo = await createReviewer(`${tag}-bo`);
  const queue = await createQueue(
    createQueueSchema.parse({ name: `export ${tag}`, cycleId: fixture.cycleIds[0], size: 2, overlap: 2, assignees: [ana.id, bo.id] }),
    SYSTEM_ACTOR,
  );
  return { fixture, ana, bo, queue };
}

describe("exporting a queue's human audits", () => {
  test("one row per audit: answer, verdict, spans with text and video times, rater, submitted or not, simulated", async () => {
    const { fixture, ana, bo, queue } = await setting("rows");
    const researcher = await createReviewer("rows-researcher", "RESEARCHER");
    const anaClaim = await claimNextItem(ana, queue.id);
    const boClaim = await claimNextItem(bo, queue.id);
    if (!anaClaim || !boClaim) throw new Error("nothing to claim");
    const generationOf = async (itemId: number) =>
      (await pool().query<{ generationId: number }>(`SELECT "generationId" FROM "ReviewQueueItem" WHERE id = $1`, [itemId])).rows[0]!
        .generationId;
    const anaGenerationId = await generationOf(anaClaim.itemId);
    const answer = fixture.generations.find((g) => g.id === anaGenerationId)!.text;
    await saveAudit(ana, queue.id, anaClaim.itemId, {
      baseVersion: null,
      verdict: "HALLUCINATED",
      hallucinatedSpans: [{ start: 0, end: 10, videoStartSec: 1, videoEndSec: 2.5 }],
      labelPresent: false,
      submit: true,
    });
    await saveAudit(bo, queue.id, boClaim.itemId, { baseVersion: null, verdict: "CORRECT" });

    const audits = await queueAudits(researcher, queue.id);
    expect(audits).toHaveLength(2);
    const anas = audits.find((audit) => audit.rater.id === ana.id)!;
    expect(anas).toMatchObject({
      generationId: anaGenerationId,
      simulated: true,
      answer,
      question: expect.stringContaining("When does the person pick up the box?"),
      verdict: "HALLUCINATED",
      hallucinatedSpans: [{ start: 0, end: 10, text: answer.slice(0, 10), videoStartSec: 1, videoEndSec: 2.5 }],
      labelPresent: false,
      rater: { id: ana.id, name: "Reviewer rows-ana", email: `${ana.id}@test.local` },
      submitted: true,
      adjudicatedVerdict: null,
    });
    const bos = audits.find((audit) => audit.rater.id === bo.id)!;
    expect(bos).toMatchObject({ verdict: "CORRECT", hallucinatedSpans: [], submitted: false, submittedAt: null });

    const csv = parse(auditsCsv(audits), { columns: true }) as Record<string, string>[];
    const anaCsv = csv.find((row) => row.rater_id === ana.id)!;
    expect(anaCsv).toMatchObject({
      generation_id: String(anaGenerationId),
      simulated: "yes",
      verdict: "HALLUCINATED",
      adjudicated_verdict: "",
      hallucinated_spans: answer.slice(0, 10),
      hallucinated_span_video_times: "1-2.5",
      rater_email: `${ana.id}@test.local`,
      submitted: "yes",
    });
    expect(csv.find((row) => row.rater_id === bo.id)).toMatchObject({ submitted: "no", submitted_at: "" });

    const download = await exportQueueAudits(researcher, { userId: researcher.id }, queue.id, "jsonl");
    const lines = download.body.trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { rater: { id: string } }).rater.id).sort()).toEqual([ana.id, bo.id].sort());
    expect(download.fileName).toBe(`review-queue${queue.id}-audits.jsonl`);
    expect(await auditTrail("review.audits.export", queue.id)).toEqual([
      { actorId: researcher.id, targetType: "ReviewQueue", ipAddress: null, details: { format: "jsonl", audits: 2 } },
    ]);
  });

  test("a member annotator gets raters without names or e-mails; a non-member gets nothing", async () => {
    const { ana, queue } = await setting("access");
    const outsider = await createReviewer("access-outsider");
    const claim = await claimNextItem(ana, queue.id);
    if (!claim) throw new Error("nothing to claim");
    await saveAudit(ana, queue.id, claim.itemId, { baseVersion: null, verdict: "UNSURE" });
    const seen = await queueAudits(ana, queue.id);
    expect(seen.map((audit) => audit.rater)).toEqual([{ id: ana.id, name: null, email: null }]);
    await expect(queueAudits(outsider, queue.id)).rejects.toMatchObject({ kind: "not-found" });
    await expect(exportQueueAudits(outsider, SYSTEM_ACTOR, queue.id, "csv")).rejects.toMatchObject({ kind: "not-found" });
    expect(await auditTrail("review.audits.export", queue.id)).toEqual([]);
  });
});
