import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAND_CYCLE_1, HAND_DIVES } from "@/lib/aqa-review/testing/hand-computed-cycle";
import { seedAqaRun, seedFineDivingDataset } from "@/lib/aqa-review/testing/seed-finediving";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";
import * as cycleRoute from "./cycles/[cycleId]/route";
import * as divesRoute from "./cycles/[cycleId]/dives/route";
import * as reportRoute from "./cycles/[cycleId]/report.csv/route";
import * as diveRoute from "./dives/[generationId]/route";
import * as signOffsRoute from "./dives/[generationId]/sign-offs/route";
import * as runsRoute from "./runs/route";
import * as trendRoute from "./runs/[runId]/trend/route";

// The AQA route handlers called as Next.js calls them, with a real PI session.
const APP_URL = "http://localhost:3000";
const tag = randomBytes(4).toString("hex");
let cookie: string;
let cycleId: number;
let runId: number;
let generationIds: number[];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers = new Headers({ cookie, origin: APP_URL, "content-type": "application/json" });
  const request = new Request(`${APP_URL}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  const dataset = await seedFineDivingDataset(pool(), { name: `routes-${tag}`, dives: HAND_DIVES });
  const question = (key: string, kind: "aqa-full" | "aqa-score") => dataset.dives.get(key)!.questions[kind];
  const run = await seedAqaRun(pool(), {
    runName: `aqa-routes-${tag}`,
    cycles: [
      {
        index: 1,
        generations: [
          { questionId: question("hand-d1", "aqa-full"), text: HAND_CYCLE_1.g1 },
          { questionId: question("hand-d2", "aqa-full"), text: HAND_CYCLE_1.g2 },
          { questionId: question("hand-d3", "aqa-full"), text: HAND_CYCLE_1.g3 },
          { questionId: question("hand-d4", "aqa-full"), text: HAND_CYCLE_1.g4 },
          { questionId: question("hand-d4", "aqa-score"), text: HAND_CYCLE_1.g5 },
        ],
      },
    ],
  });
  runId = run.runId;
  cycleId = run.cycles[0]!.cycleId;
  generationIds = run.cycles[0]!.generationIds;
  cookie = await sessionCookieFor("PI", `aqa-${tag}`);
}, 120_000);

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

describe("the AQA API", () => {
  it("serves the cycle's metrics, its dives a page at a time, and the run's trend", async () => {
    const cycle = await call(cycleRoute.GET, `/api/aqa/cycles/${cycleId}`, { cycleId: String(cycleId) });
    expect(cycle.status).toBe(200);
    const body = (await cycle.json()) as { metrics: { spearman: { estimate: number }; scored: number } };
    expect(body.metrics.scored).toBe(4);
    expect(body.metrics.spearman.estimate).toBeCloseTo(0.8, 12);

    const page = await call(divesRoute.GET, `/api/aqa/cycles/${cycleId}/dives?filter=flagged&limit=1`, { cycleId: String(cycleId) });
    const dives = (await page.json()) as { items: { generationId: number }[]; nextCursor: number | null; total: number };
    expect(dives).toMatchObject({ total: 2, nextCursor: generationIds[2] });
    expect(dives.items.map((d) => d.generationId)).toEqual([generationIds[2]]);

    const bad = await call(divesRoute.GET, `/api/aqa/cycles/${cycleId}/dives?filter=everything`, { cycleId: String(cycleId) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/query\.filter/);

    const runs = await call(runsRoute.GET, "/api/aqa/runs", {});
    const listed = ((await runs.json()) as { runs: { id: number; cycles: { id: number; _count: { generations: number } }[] }[] }).runs.find(
      (r) => r.id === runId,
    );
    expect(listed?.cycles.map((c) => [c.id, c._count.generations])).toEqual([[cycleId, 5]]);
    expect((await call(runsRoute.GET, "/api/aqa/runs?mode=EVALUATION", {})).status).toBe(200);

    const trend = await call(trendRoute.GET, `/api/aqa/runs/${runId}/trend`, { runId: String(runId) });
    expect(((await trend.json()) as { cycles: unknown[] }).cycles).toHaveLength(1);
    expect((await call(cycleRoute.GET, "/api/aqa/cycles/2000000000", { cycleId: "2000000000" })).status).toBe(404);
  });

  it("signs an explanation off: a rejection without a reason is refused, the decision is listed and audited", async () => {
    const generationId = String(generationIds[4]);
    const refused = await call(
      signOffsRoute.POST,
      `/api/aqa/dives/${generationId}/sign-offs`,
      { generationId },
      { method: "POST", body: { decision: "REJECTED" } },
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { details: { issues: { field: string }[] } }).details.issues[0]?.field).toBe("body.reason");
    const badScore = await call(
      signOffsRoute.POST,
      `/api/aqa/dives/${generationId}/sign-offs`,
      { generationId },
      { method: "POST", body: { decision: "ACCEPTED", qualityScore: 6 } },
    );
    expect(badScore.status).toBe(400);
    expect(((await badScore.json()) as { details: { issues: { field: string; message: string }[] } }).details.issues[0]).toMatchObject({
      field: "body.qualityScore",
      message: "the quality score must be a whole number from 1 to 5",
    });

    const signed = await call(
      signOffsRoute.POST,
      `/api/aqa/dives/${generationId}/sign-offs`,
      { generationId },
      {
        method: "POST",
        body: { decision: "REJECTED", reason: "27.0 × 3.2 is 86.4", comment: "and the panel rule gives 84.8" },
      },
    );
    expect(signed.status).toBe(200);
    const listed = await call(signOffsRoute.GET, `/api/aqa/dives/${generationId}/sign-offs`, { generationId });
    const { signOffs } = (await listed.json()) as { signOffs: { decision: string; reason: string; user: { name: string } }[] };
    expect(signOffs).toEqual([
      expect.objectContaining({
        decision: "REJECTED",
        reason: "27.0 × 3.2 is 86.4",
        user: expect.objectContaining({ name: `PI aqa-${tag}` }),
      }),
    ]);
    expect(await prisma().auditLogEntry.count({ where: { action: "aqa.explanation.sign-off", targetId: generationId } })).toBe(1);

    const dive = await call(diveRoute.GET, `/api/aqa/dives/${generationId}`, { generationId });
    const review = (await dive.json()) as { rationale: { flags: unknown[] }; signOffs: unknown[] };
    expect(review.rationale.flags).toHaveLength(2);
    expect(review.signOffs).toHaveLength(1);
  });

  it("streams the CSV report, one row per dive, and records the export", async () => {
    const response = await call(reportRoute.GET, `/api/aqa/cycles/${cycleId}/report.csv`, { cycleId: String(cycleId) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="aqa-run\d+-cycle1-answer\.csv"/);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.generation_id))).toEqual(generationIds);
    expect(rows[4]).toMatchObject({ arithmetic_flags: "2", signoffs_rejected: "1" });
    expect(await prisma().auditLogEntry.count({ where: { action: "aqa.report.export", targetId: String(cycleId) } })).toBe(1);
  });

  it("does not review a generation that is not there", async () => {
    expect((await call(diveRoute.GET, "/api/aqa/dives/2000000000", { generationId: "2000000000" })).status).toBe(404);
    const post = await call(
      signOffsRoute.POST,
      "/api/aqa/dives/2000000000/sign-offs",
      { generationId: "2000000000" },
      { method: "POST", body: { decision: "ACCEPTED" } },
    );
    expect(post.status).toBe(404);
  });
});
