import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { startScriptedServer, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { launchRun } from "@/lib/cycles";
import { resolveVerifierConfig, VERIFIER_VERSION, type Target } from "@/lib/verifier";
import { upsertSimulatorBackend } from "../db/catalog-repository";
import { insertGenerations } from "../db/generation-store";
import { pendingGenerationItems, unverifiedGenerations } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import { embeddingsClientFor, inferenceClientFor } from "../engine/clients";
import { parseCyclePlan, type CyclePlan } from "../plan";
import { createSimulatorBackends } from "../testing/fixtures";
import { generateItems } from "./generate-items";
import { verifierBackendsOf } from "./judge";
import { verifyItems } from "./verify-items";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

const noJobs = idleJobSender();
const reference = resolveVerifierConfig("reference-code");

let sim: RunningSimulator;
/** The embeddings backend's URL: forwards to the simulator and records, or fails while `failing`. */
let proxy: ScriptedServer;
let failing = false;
let plan: CyclePlan;
let cycleId: number;
let questionIds: number[];

/** Questions of the kinds the released code verifies by embeddings, plus a timestamp and an interval without clip length. */
const QUESTIONS: { kind: string; text: string; targets: Target[]; answer: string }[] = [
  {
    kind: "star-qa",
    text: "Which object did the person open?",
    targets: [{ labelType: "class", label: "The closet/cabinet" }],
    answer: "He walks past the table. The answer is the closet/cabinet.",
  },
  {
    kind: "subaction-sequence",
    text: "List the sub-actions in order.",
    targets: [{ labelType: "sequence", label: { actions: ["Forward", "Pike", "Entry"] } }],
    answer: "The diver starts facing forward. Then a pike. Finally a clean entry.",
  },
  {
    kind: "star-same-object",
    text: "Are the two boxes the same object?",
    targets: [{ labelType: "same", label: { same: false } }],
    answer: "Looking closely, the objects are not the same.",
  },
  {
    kind: "timestamp",
    text: "At what fraction of the clip does the ball bounce?",
    targets: [{ labelType: "timestamp", label: { time: 3 } }],
    answer: "It bounces at 0.32 of the clip.",
  },
  {
    kind: "star-when",
    text: "When does the person sit down?",
    targets: [{ labelType: "interval", label: { start: 2, end: 5 } }],
    answer: "He waits at first. The person sits down from 0.2 to 0.5 of the clip.",
  },
];

function fakeRun(): BatchRun {
  const controller = new AbortController();
  return { signal: controller.signal, stopped: false, report: async () => true, stop: () => {} } as unknown as BatchRun;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11 });
  proxy = await startScriptedServer(async (request) => {
    if (failing) return { status: 503, body: "the embedding model is loading" };
    const response = await fetch(`${sim.url}${request.path}`, {
      method: request.method,
      headers: { "content-type": "application/json" },
      ...(request.method === "POST" ? { body: request.bodyText } : {}),
    });
    return { status: response.status, body: await response.json() };
  });
  const tag = `embed-${Date.now()}`;
  const backends = await createSimulatorBackends({ tag, url: sim.url });
  const embeddings = `sim-embeddings-${tag}`;
  await upsertSimulatorBackend({
    name: embeddings,
    role: "EMBEDDINGS",
    protocol: "simulator",
    baseUrl: proxy.url,
    config: { model: "vstar-sim-embedding-256", questionAnswering: {}, retries: { max: 1, baseDelayMs: 0, maxDelayMs: 0 } },
  });
  const db = pool();
  const { rows: datasets } = await db.query<{ id: number }>(
    `INSERT INTO "Dataset" (name, format, description) VALUES ($1, 'GENERIC', 'embeddings fixture') RETURNING id`,
    [`embeddings-${tag}`],
  );
  const datasetId = datasets[0]!.id;
  questionIds = [];
  for (const [i, question] of QUESTIONS.entries()) {
    // Probed at 10 s: the timestamp's 3 s is 0.3 of the clip, the interval's 2–5 s is 0.2–0.5.
    const { rows: videos } = await db.query<{ id: number }>(
      `INSERT INTO "Video" ("datasetId", key, split, "mediaPath", "durationSec", "mediaStatus") VALUES ($1, $2, 'train', $3, 10, 'READY') RETURNING id`,
      [datasetId, `clip-${i}`, `fixtures/clip-${i}.mp4`],
    );
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets, split) VALUES ($1, $2, 'q', $3, $4, $5::jsonb, 'train') RETURNING id`,
      [datasetId, videos[0]!.id, question.kind, question.text, JSON.stringify(question.targets)],
    );
    questionIds.push(rows[0]!.id);
  }
  const launched = await launchRun(
    {
      name: "released embedding rules",
      datasets: [{ dataset: datasetId, sampleSize: null, splits: ["train"] }],
      backends: { ...backends, embeddings },
      verifier: { preset: "reference-code" },
      evaluation: { enabled: false },
      execution: { maxItemAttempts: 3 },
    },
    SYSTEM_ACTOR,
    { jobs: noJobs },
  );
  cycleId = launched.cycleId;
  const { rows } = await db.query<{ config: unknown }>(`SELECT config FROM "Cycle" WHERE id = $1`, [cycleId]);
  plan = parseCyclePlan(rows[0]!.config);
});

afterAll(async () => {
  await proxy?.close();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

async function verdictsOf(mode: string): Promise<{ questionId: number; passed: boolean; method: string }[]> {
  const { rows } = await pool().query<{ questionId: number; passed: boolean; method: string }>(
    `SELECT g."questionId", v.passed, v.method FROM "Generation" g JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $3
      WHERE g."cycleId" = $1 AND g.mode = $2::"GenerationMode" ORDER BY g."questionId"`,
    [cycleId, mode, VERIFIER_VERSION],
  );
  return rows;
}

const range = (): [number, number] => [Math.min(...questionIds), Math.max(...questionIds)];

test("a launch names the embeddings backend in the run's plan; an unknown or non-embeddings one is refused on its field", async () => {
  expect(plan.embeddingsBackendId).toEqual(expect.any(Number));
  await expect(
    launchRun(
      { datasets: [{ dataset: plan.datasets[0]!.datasetId }], backends: { ...plan.config.backends, embeddings: "nope" } },
      SYSTEM_ACTOR,
      {
        jobs: noJobs,
      },
    ),
  ).rejects.toMatchObject({ field: "backends.embeddings" });
  await expect(
    launchRun(
      {
        datasets: [{ dataset: plan.datasets[0]!.datasetId }],
        backends: { ...plan.config.backends, embeddings: plan.config.backends.inference },
      },
      SYSTEM_ACTOR,
      { jobs: noJobs },
    ),
  ).rejects.toMatchObject({ field: "backends.embeddings" });
});

test("answers are judged as they are written, with one embeddings request per write, through the simulator over HTTP", async () => {
  proxy.requests.length = 0;
  const work = {
    cycleId,
    stage: "GENERATE" as const,
    mode: "ANSWER" as const,
    selection: plan.datasets[0]!.train,
    range: range(),
    samples: 1,
    maxItemAttempts: 3,
  };
  const items = await pendingGenerationItems(work);
  expect(items.find((item) => item.kind === "timestamp")?.clipDurationSec).toBe(10);
  const { client, simulated } = await inferenceClientFor(plan.inferenceBackendId);
  const embeddings = await embeddingsClientFor(plan.embeddingsBackendId!);
  const run = fakeRun();
  await generateItems({
    run,
    cycleId,
    stage: "GENERATE",
    mode: "ANSWER",
    items,
    config: plan.config,
    client,
    simulated,
    checkpoint: { kind: "base" },
    videoUrl: (id) => `http://media.test/videos/${id}.mp4`,
    verifier: reference,
    backends: verifierBackendsOf(embeddings.client, embeddings.simulated, run.signal),
    doneBefore: 0,
  });
  const verdicts = await verdictsOf("ANSWER");
  expect(verdicts).toHaveLength(QUESTIONS.length);
  const methodOf = (kind: string) => verdicts[QUESTIONS.findIndex((q) => q.kind === kind)]?.method;
  // The simulated backend says so in every verdict that used it.
  expect(methodOf("star-qa")).toBe("class:released-sentence:simulated-vstar-sim-embedding-256:qa-span");
  expect(methodOf("subaction-sequence")).toBe("sequence:released-sentence-sequence:simulated-vstar-sim-embedding-256");
  expect(methodOf("star-same-object")).toBe("same:released-sentence:simulated-vstar-sim-embedding-256");
  expect(methodOf("timestamp")).toBe("timestamp:released-normalized-float");
  expect(methodOf("star-when")).toBe("interval:released-temporal-range");
  const embeddingRequests = proxy.requests.filter((request) => request.path === "/v1/embeddings");
  expect(embeddingRequests).toHaveLength(1);
  expect(proxy.requests.filter((request) => request.path.startsWith("/models/"))).toHaveLength(2);
});

test("the verify pass applies the released rules in one embeddings request; a failing backend leaves retryable item errors, not failed verdicts", async () => {
  const texts = new Map(questionIds.map((id, i) => [id, QUESTIONS[i]!.answer]));
  await insertGenerations(
    cycleId,
    "EVALUATION",
    true,
    questionIds.map((questionId) => ({
      questionId,
      sampleIndex: 0,
      model: "m",
      prompt: "p",
      text: texts.get(questionId)!,
      latencyMs: 1,
      promptTokens: 1,
      completionTokens: 1,
      finishReason: "stop",
    })),
  );
  const verification = {
    cycleId,
    stage: "EVALUATE" as const,
    mode: "EVALUATION" as const,
    range: range(),
    verifierVersion: VERIFIER_VERSION,
    maxItemAttempts: 3,
  };
  const embeddings = await embeddingsClientFor(plan.embeddingsBackendId!);
  const verify = async () => {
    const run = fakeRun();
    return verifyItems({
      run,
      cycleId,
      stage: "EVALUATE",
      mode: "EVALUATION",
      items: await unverifiedGenerations(verification),
      verifier: reference,
      backends: verifierBackendsOf(embeddings.client, embeddings.simulated, run.signal),
      maxItemAttempts: 3,
      doneBefore: 0,
    });
  };

  failing = true;
  expect(await verify()).toEqual({ written: 0, failed: QUESTIONS.length });
  expect(await verdictsOf("EVALUATION")).toEqual([]);
  const { rows: errors } = await pool().query<{ reason: string; attempts: number; resolvedAt: Date | null }>(
    `SELECT reason, attempts, "resolvedAt" FROM "ItemError" WHERE "cycleId" = $1 AND stage = 'EVALUATE' ORDER BY "questionId"`,
    [cycleId],
  );
  expect(errors).toHaveLength(QUESTIONS.length);
  for (const error of errors) expect(error).toMatchObject({ reason: "embeddings-http-503", attempts: 1, resolvedAt: null });

  failing = false;
  proxy.requests.length = 0;
  expect(await verify()).toEqual({ written: QUESTIONS.length, failed: 0 });
  const verdicts = await verdictsOf("EVALUATION");
  expect(verdicts.map((verdict) => verdict.passed)).toEqual(QUESTIONS.map(() => true));
  // The question's kind picks the released rule in the verify pass too (it used to be left out there).
  expect(verdicts[0]?.method).toBe("class:released-sentence:simulated-vstar-sim-embedding-256:qa-span");
  expect(proxy.requests.filter((request) => request.path === "/v1/embeddings")).toHaveLength(1);
  const { rows: open } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ItemError" WHERE "cycleId" = $1 AND stage = 'EVALUATE' AND "resolvedAt" IS NULL`,
    [cycleId],
  );
  expect(open[0]!.n).toBe(0);
});
