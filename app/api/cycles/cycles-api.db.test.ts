import { afterAll, beforeAll, expect, test } from "vitest";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { seedDemoBackends } from "@/lib/demo/demo-backends";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { GET as listRoute, POST as launchRoute } from "@/app/api/cycles/route";
import { GET as statusRoute } from "@/app/api/cycles/[id]/route";
import { POST as cancelRoute } from "@/app/api/cycles/[id]/cancel/route";
import { POST as resumeRoute } from "@/app/api/cycles/[id]/resume/route";
import { advanceCycle, type JobSender } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { createFixtureDataset } from "@/lib/cycles/testing/fixtures";

const APP = "http://localhost:3000";
let researcher: string;
let annotator: string;

beforeAll(async () => {
  researcher = await sessionCookieFor("RESEARCHER");
  annotator = await sessionCookieFor("ANNOTATOR");
});

afterAll(async () => {
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
});

function call(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  options: { method?: string; path?: string; cookie: string; body?: unknown; params?: Record<string, string> },
) {
  const request = new Request(`${APP}${options.path ?? "/api/cycles"}`, {
    method: options.method ?? "GET",
    headers: { cookie: options.cookie, origin: APP, "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

/** Engine steps without a worker: batches and ticks are only recorded. */
const recorder: JobSender & { batches: number[] } = {
  batches: [],
  async sendBatches(_stage, batches) {
    this.batches.push(...batches.map((batch) => batch.id));
  },
  async sendTick() {},
  async sendExport() {},
  async sendWebhook() {},
};

test("demo backends are seeded idempotently", async () => {
  await seedDemoBackends();
  await seedDemoBackends();
  const rows = await prisma().backend.findMany({
    where: { name: { in: ["simulator", "simulator-ray", "simulator-embeddings"] } },
    select: { name: true, role: true, protocol: true, isSimulator: true },
  });
  expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
    { name: "simulator", role: "INFERENCE", protocol: "simulator", isSimulator: true },
    { name: "simulator-embeddings", role: "EMBEDDINGS", protocol: "simulator", isSimulator: true },
    { name: "simulator-ray", role: "TRAINING", protocol: "simulator-ray", isSimulator: true },
  ]);
  expect(await prisma().checkpoint.count({ where: { kind: "BASE", servedName: "Qwen2.5-VL-7B-Instruct" } })).toBe(1);
});

test("launch, list, status, cancel and resume through the API, with audit entries", async () => {
  const dataset = await createFixtureDataset({ name: `api-${Date.now()}`, train: 12, test: 4 });
  const refused = await call(launchRoute, {
    method: "POST",
    cookie: annotator,
    body: { config: { datasets: [{ dataset: dataset.datasetId }] } },
  });
  expect(refused.status).toBe(403);
  const invalid = await call(launchRoute, {
    method: "POST",
    cookie: researcher,
    body: { config: { datasets: [{ dataset: dataset.datasetId, sampleSize: -1 }] } },
  });
  expect(invalid.status).toBe(400);
  const invalidBody = (await invalid.json()) as { error: string; details: { issues: { field: string }[] } };
  expect(invalidBody.error).toMatch(/datasets\.0\.sampleSize/);
  expect(invalidBody.details.issues.map((issue) => issue.field)).toEqual(["body.datasets.0.sampleSize"]);
  const unknown = await call(launchRoute, {
    method: "POST",
    cookie: researcher,
    body: { config: { datasets: [{ dataset: "no such dataset" }] } },
  });
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({ error: expect.stringMatching(/no dataset "no such dataset"/), field: "datasets.0.dataset" });

  const launched = await call(launchRoute, {
    method: "POST",
    cookie: researcher,
    body: { config: { name: "api run", datasets: [{ dataset: dataset.name, sampleSize: 8 }], evaluation: { splits: ["test"] } } },
  });
  expect(launched.status).toBe(201);
  const { runId, cycleId } = (await launched.json()) as { runId: number; cycleId: number };
  const plan = (await prisma().run.findUniqueOrThrow({ where: { id: runId }, select: { config: true } })).config as {
    datasets: { train: { count: number }; evaluation: { count: number } }[];
  };
  expect(plan.datasets[0]).toMatchObject({ train: { count: 8 }, evaluation: { count: 4 } });

  const list = (await (await call(listRoute, { cookie: researcher, path: "/api/cycles?limit=5" })).json()) as { runs: { id: number }[] };
  expect(list.runs.map((r) => r.id)).toContain(runId);

  await advanceCycle(cycleId, recorder);
  const status = (await (await call(statusRoute, { cookie: researcher, params: { id: String(runId) } })).json()) as {
    cycles: { status: string; stages: { stage: string; batches: number; items: number }[] }[];
  };
  expect(status.cycles[0]!.status).toBe("GENERATING");
  expect(status.cycles[0]!.stages.find((s) => s.stage === "GENERATE")).toMatchObject({ batches: 1, items: 8 });
  expect(recorder.batches).toHaveLength(1);

  expect((await call(cancelRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } })).status).toBe(200);
  await advanceCycle(cycleId, recorder);
  expect(await prisma().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).toEqual({ status: "CANCELLED" });
  expect((await call(cancelRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } })).status).toBe(409);

  const resumed = await call(resumeRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } });
  expect(await resumed.json()).toMatchObject({ ok: true, cycleId, status: "GENERATING" });
  expect(await prisma().cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { status: true, cancelRequestedAt: true } })).toEqual({
    status: "GENERATING",
    cancelRequestedAt: null,
  });

  const actions = await prisma().auditLogEntry.findMany({
    where: { targetType: "Run", targetId: String(runId) },
    orderBy: { id: "asc" },
    select: { action: true },
  });
  expect(actions.map((a) => a.action)).toEqual(["cycle.launch", "cycle.cancel", "cycle.resume"]);
  expect((await call(statusRoute, { cookie: researcher, params: { id: "999999" } })).status).toBe(404);
  // Past PostgreSQL's integer no row can have the id: refused as input, never sent to the database.
  expect((await call(statusRoute, { cookie: researcher, params: { id: "99999999999" } })).status).toBe(400);
  // Leave nothing running for the worker processes of later test files.
  expect((await call(cancelRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } })).status).toBe(200);
  await advanceCycle(cycleId, recorder);
});

test("a reason's retry gives back the attempts of that reason's given-up items only", async () => {
  const dataset = await createFixtureDataset({ name: `retry-${Date.now()}`, train: 4 });
  const launched = await call(launchRoute, {
    method: "POST",
    cookie: researcher,
    body: { config: { name: "retry run", datasets: [{ dataset: dataset.name }], evaluation: { enabled: false } } },
  });
  const { runId, cycleId } = (await launched.json()) as { runId: number; cycleId: number };
  await advanceCycle(cycleId, recorder);
  expect((await call(cancelRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } })).status).toBe(200);
  await advanceCycle(cycleId, recorder);
  const [first, second] = await prisma().question.findMany({
    where: { datasetId: dataset.datasetId },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 2,
  });
  const givenUp = (questionId: number, reason: string) => ({
    cycleId,
    questionId,
    stage: "GENERATE" as const,
    mode: "ANSWER" as const,
    reason,
    message: reason,
    attempts: 3,
  });
  await prisma().itemError.createMany({ data: [givenUp(first!.id, "timeout"), givenUp(second!.id, "http-503")] });

  const badBody = await call(resumeRoute, { method: "POST", cookie: researcher, params: { id: String(runId) }, body: { reasons: [] } });
  expect(badBody.status).toBe(400);
  const resumed = await call(resumeRoute, {
    method: "POST",
    cookie: researcher,
    params: { id: String(runId) },
    body: { reasons: ["timeout"] },
  });
  expect(resumed.status).toBe(200);
  const attempts = await prisma().itemError.findMany({
    where: { cycleId },
    select: { reason: true, attempts: true },
    orderBy: { reason: "asc" },
  });
  expect(attempts).toEqual([
    { reason: "http-503", attempts: 3 },
    { reason: "timeout", attempts: 0 },
  ]);
  // Leave nothing running for the worker processes of later test files.
  expect((await call(cancelRoute, { method: "POST", cookie: researcher, params: { id: String(runId) } })).status).toBe(200);
  await advanceCycle(cycleId, recorder);
});
