import { readFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { mediaRoot } from "@/lib/config/media-root";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditTrail } from "@/lib/testing/audit-trail";
import { countLeftOutByAudits, createExport, findExport } from "../db/export-repository";
import { createFixtureDataset } from "../testing/fixtures";
import { writePreferenceExport } from "./preference-export";
import { requestExport } from "./request-export";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

const VERSION = "test-1";
let tag: string;
let cycleId: number;
let g: Record<string, number>;
let files: Record<string, Uint8Array>;
let datasetName: string;

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

interface Spec {
  questionId: number;
  mode?: "ANSWER" | "RATIONALIZATION";
  sampleIndex?: number;
  passed: boolean;
  text: string;
}

async function createGenerations(specs: Spec[]): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of specs) {
    const { id } = await prisma().generation.create({
      data: {
        cycleId,
        questionId: spec.questionId,
        mode: spec.mode ?? "ANSWER",
        sampleIndex: spec.sampleIndex ?? 0,
        model: "base",
        prompt: "p",
        text: spec.text,
        verdicts: {
          create: { verifierVersion: VERSION, configHash: "h", passed: spec.passed, score: spec.passed ? 1 : 0, method: "keywords" },
        },
      },
      select: { id: true },
    });
    ids.push(id);
  }
  return ids;
}

async function createRater(name: string): Promise<string> {
  const id = `${tag}-${name}`;
  await prisma().user.create({ data: { id, email: `${id}@test.local`, name, role: "ANNOTATOR" }, select: { id: true } });
  return id;
}

async function createAudit(generationId: number, userId: string, verdict: "CORRECT" | "HALLUCINATED" | "PARTLY_CORRECT", submitted = true) {
  await prisma().audit.create({
    data: { generationId, userId, verdict, submittedAt: submitted ? new Date() : null },
    select: { id: true },
  });
}

beforeAll(async () => {
  tag = `dpo-${Date.now().toString(36)}`;
  const { trainQuestionIds: q } = await createFixtureDataset({ name: tag, train: 4 });
  const checkpoint = await prisma().checkpoint.create({
    data: { servedName: `${tag}-base`, kind: "BASE", baseModel: "base" },
    select: { id: true },
  });
  const run = await prisma().run.create({ data: { name: tag, config: {} }, select: { id: true } });
  cycleId = (
    await prisma().cycle.create({
      data: { runId: run.id, index: 1, status: "DONE", config: {}, inputCheckpointId: checkpoint.id },
      select: { id: true },
    })
  ).id;
  const ids = await createGenerations([
    // Question 0: the verifier passed both; a rater found the second hallucinated. A third failed.
    { questionId: q[0]!, sampleIndex: 0, passed: true, text: "She eats apple pie." },
    { questionId: q[0]!, sampleIndex: 1, passed: true, text: "She eats apple pie while a dragon watches." },
    { questionId: q[0]!, sampleIndex: 2, passed: false, text: "She is swimming." },
    // Question 1: the raters are overruled by the adjudicator both ways.
    { questionId: q[1]!, sampleIndex: 0, passed: false, text: "Pie, eaten slowly." },
    { questionId: q[1]!, sampleIndex: 1, passed: true, text: "Apple pie and a unicorn." },
    // Question 2: everything judged hallucinated: no pair.
    { questionId: q[2]!, sampleIndex: 0, passed: true, text: "Eating apple pie on the moon." },
    { questionId: q[2]!, sampleIndex: 1, passed: false, text: "Eating soup on Mars." },
    { questionId: q[2]!, mode: "RATIONALIZATION", passed: true, text: "Because of the pie, a ghost eats it." },
    // Question 3: verifier only, one answer from a simulated backend.
    { questionId: q[3]!, sampleIndex: 0, passed: true, text: "Eating apple pie." },
    { questionId: q[3]!, sampleIndex: 1, passed: false, text: "Dancing." },
  ]);
  const [q0pass, q0hall, q0fail, q1low, q1high, q2a, q2b, q2r, q3pass, q3fail] = ids as [number, ...number[]];
  g = { q0pass, q0hall, q0fail, q1low, q1high, q2a, q2b, q2r, q3pass, q3fail } as Record<string, number>;
  const rater = await createRater("rater");
  const other = await createRater("other");
  await createAudit(g.q0hall!, rater, "HALLUCINATED");
  // A draft is not a judgement: the passing answer stays the chosen one.
  await createAudit(g.q0pass!, rater, "PARTLY_CORRECT", false);
  await createAudit(g.q1low!, rater, "HALLUCINATED");
  await createAudit(g.q1high!, other, "CORRECT");
  await prisma().adjudication.createMany({
    data: [
      { generationId: g.q1low!, userId: other, verdict: "CORRECT" },
      { generationId: g.q1high!, userId: rater, verdict: "HALLUCINATED" },
    ],
  });
  await createAudit(g.q2a!, rater, "HALLUCINATED");
  await createAudit(g.q2b!, rater, "HALLUCINATED");
  await createAudit(g.q2r!, rater, "HALLUCINATED");
  await prisma().generation.update({ where: { id: g.q3pass! }, data: { simulated: true }, select: { id: true } });

  const row = await createExport({
    cycleId,
    format: "LLAMA_FACTORY_DPO",
    filters: { purpose: "download", directOnly: false, excludeHallucinated: true, videoFolder: "clips" },
  });
  const written = await writePreferenceExport(row, { verifierVersion: VERSION, answerPrompt: "{question}", userTurn: "question" });
  datasetName = written.datasetName;
  expect(written.rowCount).toBe(3);
  expect(written.storagePath).toMatch(/vstar_c\d+_dpo\.zip$/);
  files = unzipSync(new Uint8Array(await readFile(path.join(mediaRoot(), written.storagePath))));
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

interface PairRecord {
  messages: { role: string; content: string }[];
  chosen: { role: string; content: string };
  rejected: { role: string; content: string };
  videos: string[];
  source: string;
  simulated: boolean;
}

describe("preference pairs from audits, adjudications and the verifier", () => {
  test("the archive holds the data, dataset_info.json (ranking sharegpt), the README and the manifest", () => {
    expect(Object.keys(files).sort()).toEqual(
      ["README.md", "dataset_info.json", `${datasetName}.json`, "manifest.json"].map((name) => `${datasetName}/${name}`).sort(),
    );
    expect(JSON.parse(text(files[`${datasetName}/dataset_info.json`]))).toEqual({
      [datasetName]: {
        file_name: `${datasetName}.json`,
        formatting: "sharegpt",
        ranking: true,
        columns: { messages: "messages", chosen: "chosen", rejected: "rejected", videos: "videos" },
        tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
      },
    });
  });

  test("a human-hallucinated answer is rejected against the verifier's pass; an adjudication overrides its raters", () => {
    const records = JSON.parse(text(files[`${datasetName}/${datasetName}.json`])) as PairRecord[];
    expect(records.map((r) => [r.chosen.content, r.rejected.content, r.source])).toEqual([
      ["She eats apple pie.", "She eats apple pie while a dragon watches.", "audit"],
      ["Pie, eaten slowly.", "Apple pie and a unicorn.", "adjudication"],
      ["Eating apple pie.", "Dancing.", "verifier"],
    ]);
    expect(records[0]).toMatchObject({
      messages: [{ role: "user", content: "<video>\nWhat is the person doing in this video?" }],
      chosen: { role: "assistant" },
      rejected: { role: "assistant" },
      videos: ["clips/fixtures/clip-0.mp4"],
    });
  });

  test("pairs holding a simulated answer are marked in the records, the manifest and the README", () => {
    const records = JSON.parse(text(files[`${datasetName}/${datasetName}.json`])) as PairRecord[];
    expect(records.map((r) => r.simulated)).toEqual([false, false, true]);
    const manifest = JSON.parse(text(files[`${datasetName}/manifest.json`])) as {
      pairs: number;
      bySource: Record<string, number>;
      simulatedPairs: number;
      records: {
        source: string;
        simulated: boolean;
        chosen: { generationId: number; judgedBy: string };
        rejected: { generationId: number; judgedBy: string };
      }[];
    };
    expect(manifest).toMatchObject({ pairs: 3, bySource: { adjudication: 1, audit: 1, verifier: 1 }, simulatedPairs: 1 });
    expect(manifest.records.map((r) => [r.chosen.generationId, r.chosen.judgedBy, r.rejected.generationId, r.rejected.judgedBy])).toEqual([
      [g.q0pass, "verifier", g.q0hall, "audit"],
      [g.q1low, "adjudication", g.q1high, "adjudication"],
      [g.q3pass, "verifier", g.q3fail, "verifier"],
    ]);
    expect(manifest.records[2]?.simulated).toBe(true);
    expect(text(files[`${datasetName}/README.md`])).toContain("SIMULATED: 1 of these pairs");
  });

  test("answers left out of training by audits: an adjudicated CORRECT is kept, an adjudicated HALLUCINATED is left out", async () => {
    // q0hall, q1high (adjudicated), q2a and the rationalization q2r; q1low failed verification anyway.
    expect(await countLeftOutByAudits(cycleId, VERSION)).toEqual({ answers: 3, rationalizations: 1 });
  });
});

test("a DPO export request is queued with the video folder and audited as export.create", async () => {
  const { id } = await createUser({ email: `${tag}@test.local`, name: "R", role: "RESEARCHER", password: "long-enough-pw" }, SYSTEM_ACTOR);
  const researcher: Actor = { userId: id, ip: "192.0.2.61" };
  const sent: number[] = [];
  const jobs = idleJobSender({ sendExport: async (exportId) => void sent.push(exportId) });
  const row = await requestExport(cycleId, { format: "LLAMA_FACTORY_DPO", videoFolder: "media" }, researcher, { jobs });
  expect(sent).toEqual([row.id]);
  expect(await findExport(row.id)).toMatchObject({ format: "LLAMA_FACTORY_DPO", filters: { purpose: "download", videoFolder: "media" } });
  expect(await auditTrail("export.create", row.id)).toEqual([
    {
      actorId: id,
      targetType: "Export",
      ipAddress: "192.0.2.61",
      details: { cycleId, format: "LLAMA_FACTORY_DPO", directOnly: false, excludeHallucinated: true, videoFolder: "media" },
    },
  ]);
});
