import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { saveAudit } from "@/lib/review/audits/save-audit";
import { claimNextItem } from "@/lib/review/claims/claim-next";
import { createQueue } from "@/lib/review/queues/create-queue";
import { createQueueSchema } from "@/lib/review/schemas/queue-schemas";
import { closeConnectionsAfterAll } from "@/lib/review/testing/db-hooks";
import { createReviewer, seedReviewFixture } from "@/lib/review/testing/review-fixture";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { GET } from "./route";

closeConnectionsAfterAll();

/** Fixture names are unique across the test files sharing the database. */
const runTag = randomUUID().slice(0, 8);

const APP_URL = "http://localhost:3000";

function download(cookie: string, queueId: number, format: string): Promise<Response> {
  const request = new Request(`${APP_URL}/api/review/queues/${queueId}/audits?format=${format}`, { headers: { cookie } });
  return GET(request, { params: Promise.resolve({ queueId: String(queueId) }) });
}

describe("GET /api/review/queues/:id/audits", () => {
  test("a researcher downloads the audits as CSV or JSONL; an annotator and a PI may not; an unknown format is refused", async () => {
    const fixture = await seedReviewFixture({ tag: `audits-route-${runTag}`, questions: 2 });
    const ana = await createReviewer("audits-route-ana");
    const queue = await createQueue(
      createQueueSchema.parse({ name: "audits route", cycleId: fixture.cycleIds[0], size: 2, overlap: 1, assignees: [ana.id] }),
      SYSTEM_ACTOR,
    );
    const claim = await claimNextItem(ana, queue.id);
    if (!claim) throw new Error("nothing to claim");
    await saveAudit(ana, queue.id, claim.itemId, { baseVersion: null, verdict: "CORRECT", submit: true });

    const researcher = await sessionCookieFor("RESEARCHER");
    const csv = await download(researcher, queue.id, "csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="review-queue${queue.id}-audits.csv"`);
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rater_id: ana.id,
      rater_name: "Reviewer audits-route-ana",
      verdict: "CORRECT",
      submitted: "yes",
      simulated: "yes",
    });

    const jsonl = await download(researcher, queue.id, "jsonl");
    expect(jsonl.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await jsonl.text()).trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { verdict: string }).verdict)).toEqual(["CORRECT"]);

    expect((await download(researcher, queue.id, "xml")).status).toBe(400);
    expect((await download(await sessionCookieFor("ANNOTATOR"), queue.id, "csv")).status).toBe(403);
    expect((await download(await sessionCookieFor("PI"), queue.id, "csv")).status).toBe(403);
  });
});
