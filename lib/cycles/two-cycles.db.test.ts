import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { z } from "zod";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { mediaRoot } from "@/lib/config/media-root";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import type { SpawnedScript } from "@/lib/testing/processes";
import { launchRun, requestExport, setVideoUrlResolver } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "./testing/fixtures";
import { startWorkerProcess, stopWorkerProcess, waitForRunEnd } from "./testing/harness";

let sim: RunningSimulator;
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  setVideoUrlResolver((id) => `http://media.test/videos/${id}.mp4`);
  sim = await startSimulator({ port: 0, seed: 7, trainingDurationMs: 800 });
  worker = startWorkerProcess();
});

afterAll(async () => {
  await stopWorkerProcess(worker);
  await stopProcessBoss();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

const videoLlavaSchema = z.array(
  z.strictObject({
    id: z.string().min(1),
    video: z.string().endsWith(".mp4"),
    conversations: z.tuple([
      // As the released code writes records: <video>, a line break and the bare question.
      z.strictObject({
        from: z.literal("human"),
        value: z
          .string()
          .startsWith("<video>\n")
          .refine((value) => !value.includes("Question:")),
      }),
      z.strictObject({ from: z.literal("gpt"), value: z.string().min(20) }),
    ]),
  }),
);
const llamaFactorySchema = z.array(
  z.strictObject({
    messages: z.tuple([
      z.strictObject({
        role: z.literal("user"),
        content: z
          .string()
          .startsWith("<video>\n")
          .refine((value) => !value.includes("Question:")),
      }),
      z.strictObject({ role: z.literal("assistant"), content: z.string().min(20) }),
    ]),
    videos: z.tuple([z.string().startsWith("/").endsWith(".mp4")]),
  }),
);
const llamaFactoryDownloadSchema = z.array(
  z.strictObject({
    messages: llamaFactorySchema.element.shape.messages,
    videos: z.tuple([z.string().regex(/^[^/].*\.mp4$/)]),
  }),
);
const jsonlSchema = z.object({
  generationId: z.int(),
  cycleId: z.int(),
  question: z.string(),
  targets: z.array(z.object({ labelType: z.string() })).min(1),
  mode: z.enum(["answer", "rationalization"]),
  answer: z.string(),
  verdict: z.object({ passed: z.literal(true), score: z.number() }),
});

async function waitForExport(id: number) {
  for (let i = 0; i < 120; i++) {
    const row = await prisma().export.findUniqueOrThrow({
      where: { id },
      select: { status: true, storagePath: true, rowCount: true, error: true },
    });
    if (row.status === "DONE" || row.status === "FAILED") return row;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`export ${id} did not finish`);
}

test("two full cycles: yield grows, the final cycle trains on direct answers only, exports match their formats", async () => {
  const tag = `two-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 60, test: 20 });
  const backends = await createSimulatorBackends({ tag, url: sim.url });
  // General instruction data (a LLaVA list) makes up half of every cycle's training set.
  const instructionFile = path.join(await mkdtemp(path.join(tmpdir(), "instructions-")), "videoinstruct.json");
  const instruction = (i: number) => ({
    id: `vi-${i}`,
    video: `clips/${i}.mp4`,
    conversations: [
      { from: "human", value: `<video>\nWhat happens in clip ${i}?` },
      { from: "gpt", value: `In clip ${i} a person walks across a room and sits down.` },
    ],
  });
  await writeFile(instructionFile, JSON.stringify(Array.from({ length: 10 }, (_, i) => instruction(i))));
  const base = testCycleConfig({
    name: `two cycles ${tag}`,
    datasets: [{ dataset: dataset.datasetId }],
    backends,
    stopRule: { maxCycles: 2, minYieldGain: 0 },
  });
  const { runId } = await launchRun(
    { ...base, training: { ...base.training, instructionData: { file: instructionFile, share: 0.5 } } },
    SYSTEM_ACTOR,
  );

  const run = await waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
  expect(run.status).toBe("DONE");
  // Batch after batch, request after request: no listener piles up on a signal.
  expect(worker?.output()).not.toContain("MaxListenersExceededWarning");
  expect(run.cycles.map((c) => [c.index, c.status, c.isFinal])).toEqual([
    [1, "DONE", false],
    [2, "DONE", true],
  ]);
  const [first, second] = run.cycles as [(typeof run.cycles)[0], (typeof run.cycles)[0]];
  expect(second.answerYield!).toBeGreaterThan(first.answerYield!);
  // Cycle 2 generates with cycle 1's adapter, served under its versioned name.
  expect(first.trainedModel).toMatch(/-c1$/);
  expect(second.model).toBe(first.trainedModel);
  const models = await pool().query<{ model: string }>(`SELECT DISTINCT model FROM "Generation" WHERE "cycleId" = $1 AND mode = 'ANSWER'`, [
    second.id,
  ]);
  expect(models.rows.map((r) => r.model)).toEqual([first.trainedModel]);

  // One answer per question per cycle; rationalizations only in the training cycle, for the misses.
  const counts = await pool().query<{ cycleId: number; mode: string; n: number; keys: number }>(
    `SELECT "cycleId", mode, count(*)::int AS n, count(DISTINCT ("questionId", "sampleIndex"))::int AS keys FROM "Generation"
      WHERE "cycleId" = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
    [[first.id, second.id]],
  );
  const countOf = (cycleId: number, mode: string) => counts.rows.find((r) => r.cycleId === cycleId && r.mode === mode);
  for (const cycle of [first, second]) {
    expect(countOf(cycle.id, "ANSWER")).toMatchObject({ n: 60, keys: 60 });
    expect(countOf(cycle.id, "EVALUATION")).toMatchObject({ n: 20, keys: 20 });
  }
  const missed = Math.round(60 * (1 - first.answerYield!));
  expect(countOf(first.id, "RATIONALIZATION")?.n).toBe(missed);
  expect(countOf(second.id, "RATIONALIZATION")).toBeUndefined();
  const verdicts = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Verdict" v JOIN "Generation" g ON g.id = v."generationId" WHERE g."cycleId" = ANY($1)`,
    [[first.id, second.id]],
  );
  expect(verdicts.rows[0]!.n).toBe(60 + 20 + missed + 60 + 20);

  // Training: one succeeded run per cycle; the final one on direct answers only.
  const training = await prisma().trainingRun.findMany({
    where: { cycleId: { in: [first.id, second.id] } },
    orderBy: { cycleId: "asc" },
    select: { status: true, logTail: true, export: { select: { filters: true, rowCount: true, storagePath: true } } },
  });
  expect(training.map((t) => t.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
  expect(training[0]!.logTail).toMatch(/loss/);
  expect(training[1]!.export?.filters).toMatchObject({ purpose: "training", directOnly: true });
  expect(training[1]!.export?.rowCount).toBe(2 * Math.round(60 * second.answerYield!));
  const curatedFirst = (first.curation as { examples: { total: number } }).examples.total;
  expect(training[0]!.export?.rowCount).toBe(2 * curatedFirst);
  const trainingSet = llamaFactorySchema.parse(
    JSON.parse(await readFile(path.join(mediaRoot(), training[0]!.export!.storagePath!), "utf8")),
  );
  const mixedIn = trainingSet.filter((item) => item.messages[0].content.includes("What happens in clip"));
  expect(mixedIn).toHaveLength(curatedFirst);
  expect(mixedIn[0]!.videos[0]).toMatch(new RegExp(`^${path.dirname(instructionFile)}/clips/\\d\\.mp4$`));

  // Evaluation: accuracy on the held-out questions, per dataset, per cycle.
  for (const cycle of [first, second]) {
    expect(cycle.evaluations).toHaveLength(1);
    expect(cycle.evaluations[0]).toMatchObject({ datasetId: dataset.datasetId, total: 20 });
    expect(cycle.evaluations[0]!.accuracy).toBeCloseTo(cycle.evaluations[0]!.correct / 20);
  }

  // An annotator's HALLUCINATED audit keeps an answer out of exports.
  const passing = await pool().query<{ id: number }>(
    `SELECT g.id FROM "Generation" g JOIN "Verdict" v ON v."generationId" = g.id AND v.passed WHERE g."cycleId" = $1 ORDER BY g.id LIMIT 1`,
    [first.id],
  );
  const hallucinated = passing.rows[0]!.id;
  const user = await prisma().user.create({
    data: { id: `auditor-${tag}`, name: "Auditor", email: `auditor-${tag}@test.local` },
    select: { id: true },
  });
  await prisma().audit.create({ data: { generationId: hallucinated, userId: user.id, verdict: "HALLUCINATED", submittedAt: new Date() } });

  const exports = await Promise.all([
    requestExport(first.id, { format: "VIDEO_LLAVA" }, SYSTEM_ACTOR),
    requestExport(first.id, { format: "LLAMA_FACTORY", videoFolder: "clips" }, SYSTEM_ACTOR),
    requestExport(first.id, { format: "JSONL" }, SYSTEM_ACTOR),
    requestExport(first.id, { format: "LLAMA_FACTORY", absoluteVideoPaths: true }, SYSTEM_ACTOR),
  ]);
  const done = await Promise.all(exports.map((row) => waitForExport(row.id)));
  expect(done.map((d) => d.status)).toEqual(["DONE", "DONE", "DONE", "DONE"]);
  const expected = (first.curation as { examples: { total: number } }).examples.total - 1;
  expect(done.map((d) => d.rowCount)).toEqual([expected, expected, expected, expected]);

  const root = mediaRoot();
  const videoLlava = videoLlavaSchema.parse(JSON.parse(await readFile(path.join(root, done[0]!.storagePath!), "utf8")));
  expect(videoLlava).toHaveLength(expected);

  // A LLaMA-Factory download is one zip: a dataset folder with dataset_info.json beside the data.
  const name = `vstar_c${first.id}`;
  const unpack = async (storagePath: string) => {
    expect(storagePath.endsWith(`${name}.zip`)).toBe(true);
    return unzipSync(new Uint8Array(await readFile(path.join(root, storagePath))));
  };
  const archive = await unpack(done[1]!.storagePath!);
  expect(Object.keys(archive).sort()).toEqual([`${name}/README.md`, `${name}/dataset_info.json`, `${name}/${name}.json`]);
  expect(JSON.parse(strFromU8(archive[`${name}/dataset_info.json`]!))).toEqual({
    [name]: {
      file_name: `${name}.json`,
      formatting: "sharegpt",
      columns: { messages: "messages", videos: "videos" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    },
  });
  const llamaFactory = llamaFactoryDownloadSchema.parse(JSON.parse(strFromU8(archive[`${name}/${name}.json`]!)));
  expect(llamaFactory).toHaveLength(expected);
  // Video paths under the folder the researcher named, relative to the dataset folder.
  expect(llamaFactory.every((item) => item.videos[0].startsWith("clips/"))).toBe(true);
  expect(strFromU8(archive[`${name}/README.md`]!)).toContain(`dataset: ${name}`);
  // This server's absolute paths only when asked for.
  const absolute = await unpack(done[3]!.storagePath!);
  const absoluteItems = llamaFactorySchema.parse(JSON.parse(strFromU8(absolute[`${name}/${name}.json`]!)));
  expect(absoluteItems.every((item) => item.videos[0].startsWith(`${root}/`))).toBe(true);
  const lines = (await readFile(path.join(root, done[2]!.storagePath!), "utf8"))
    .trim()
    .split("\n")
    .map((line) => jsonlSchema.parse(JSON.parse(line)));
  expect(lines).toHaveLength(expected);
  expect(lines.map((l) => l.generationId)).not.toContain(hallucinated);
  expect(new Set(lines.map((l) => l.mode))).toEqual(new Set(["answer", "rationalization"]));
  // Training inputs never carry the label: rationalizations are trained on the plain question.
  expect(llamaFactory.every((item) => !item.messages[0].content.includes("Answer:"))).toBe(true);
}, 200_000);
