import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cycleConfigSchema } from "@/lib/cycles/config";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors/domain-error";
import { createDatasetWithQuestions, createGenerations, uniqueTag } from "../testing/cockpit-fixtures";
import { estimateForConfig } from "./estimate-repository";

let tag: string;
let dataset: { id: number; name: string; questionIds: number[] };

beforeAll(async () => {
  tag = uniqueTag("estimate");
  // 12 questions: 8 train, 4 test.
  dataset = await createDatasetWithQuestions(tag, "class", 12, ["train", "train", "test"]);
  const model = `${tag}-model`;
  const inference = await prisma().backend.create({
    data: {
      name: `${tag}-inference`,
      role: "INFERENCE",
      protocol: "simulator",
      baseUrl: "http://127.0.0.1:9",
      config: { model, maxConcurrency: 4 },
      isSimulator: true,
    },
    select: { id: true },
  });
  // Same model, same kind, never used: none of the first backend's figures may stand in for it.
  await prisma().backend.create({
    data: {
      name: `${tag}-fresh`,
      role: "INFERENCE",
      protocol: "simulator",
      baseUrl: "http://127.0.0.1:9",
      config: { model, maxConcurrency: 4 },
      isSimulator: true,
    },
    select: { id: true },
  });
  const training = await prisma().backend.create({
    data: { name: `${tag}-training`, role: "TRAINING", protocol: "simulator-ray", baseUrl: "http://127.0.0.1:9", isSimulator: true },
    select: { id: true },
  });

  // History: one earlier cycle on the same base model: 5 answers 1 s apart (1 generation/s), 3 of 5 passed.
  const checkpoint = await prisma().checkpoint.create({
    data: { servedName: `${tag}-base`, kind: "BASE", baseModel: model, simulated: true },
    select: { id: true },
  });
  const run = await prisma().run.create({ data: { name: `${tag}-history`, config: {} }, select: { id: true } });
  const cycle = await prisma().cycle.create({
    data: { runId: run.id, index: 1, status: "DONE", config: { inferenceBackendId: inference.id }, inputCheckpointId: checkpoint.id },
    select: { id: true },
  });
  const t0 = Date.now() - 60_000;
  const ids = await createGenerations(
    cycle.id,
    [0, 1, 2, 3, 4].map((index) => ({
      questionId: dataset.questionIds[index]!,
      passed: index < 3,
      latencyMs: 2000,
      promptTokens: 100,
      completionTokens: 50,
      createdAt: new Date(t0 + index * 1000),
    })),
  );
  await prisma().generation.updateMany({ where: { id: { in: ids } }, data: { simulated: true } });
  await prisma().trainingRun.create({
    data: {
      cycleId: cycle.id,
      attempt: 1,
      backendId: training.id,
      status: "SUCCEEDED",
      startedAt: new Date(t0),
      finishedAt: new Date(t0 + 30_000),
    },
    select: { id: true },
  });
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

function config(overrides: Record<string, unknown> = {}) {
  return cycleConfigSchema.parse({
    datasets: [{ dataset: dataset.name }],
    backends: { inference: `${tag}-inference`, training: `${tag}-training` },
    evaluation: { splits: ["test"] },
    ...overrides,
  });
}

describe("launch estimate from the database", () => {
  test("counts the selection and uses the backend's measured throughput, tokens and training time", async () => {
    const estimate = await estimateForConfig(config());
    expect(estimate.datasets).toEqual([{ name: dataset.name, questions: 8, evaluationQuestions: 4 }]);
    // Answer yield 3/5 → 8 × 0.4 ≈ 3 rationalizations expected in the one training cycle before the final.
    expect(estimate.perCycle).toEqual({ answers: 8, rationalizationsExpected: 3, rationalizationsMax: 8, evaluations: 4 });
    expect(estimate.generations).toEqual({ expected: 2 * (8 + 4) + 3, max: 2 * (8 + 4) + 8 });
    expect(estimate.tokens).toMatchObject({ prompt: 27 * 100, completion: 27 * 50 });
    expect(estimate.duration.generationsPerSecond).toBeCloseTo(1);
    expect(estimate.duration.trainingSeconds).toBeCloseTo(60);
    expect(estimate.duration.seconds).toBeCloseTo(27 + 60);
  });

  test("a backend that never generated has no measurement, whatever other backends of its model measured", async () => {
    const estimate = await estimateForConfig(config({ backends: { inference: `${tag}-fresh`, training: `${tag}-training` } }));
    expect(estimate.duration.generationsPerSecond).toBeNull();
    expect(estimate.duration.seconds).toBeNull();
    expect(estimate.duration.basis).toMatch(/^no measurement yet/);
    expect(estimate.tokens).toMatchObject({ prompt: null, completion: null });
    expect(estimate.tokens.basis).toMatch(/^no measurement yet/);
    expect(estimate.notes.join(" ")).toMatch(/No answer yield measured yet/);
  });

  test("a sample size caps the questions; evaluation off counts none", async () => {
    const estimate = await estimateForConfig(
      config({ datasets: [{ dataset: dataset.id, sampleSize: 5 }], evaluation: { enabled: false }, stopRule: { maxCycles: 1 } }),
    );
    expect(estimate.datasets).toEqual([{ name: dataset.name, questions: 5, evaluationQuestions: 0 }]);
    expect(estimate.generations.expected).toBe(5);
  });

  test("names that do not exist are reported on their fields", async () => {
    const refused = await estimateForConfig(
      config({
        datasets: [{ dataset: `${tag}-nope` }, { dataset: dataset.name, splits: ["missing"] }],
        backends: { inference: `${tag}-training`, training: "nope" },
      }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    const { kind, issues = [] } = refused as DomainError;
    expect(kind).toBe("invalid-input");
    expect(Object.fromEntries(issues.map((issue) => [issue.field, issue.message]))).toEqual({
      "datasets.0.dataset": `There is no dataset named "${tag}-nope"`,
      "datasets.1.splits": `${dataset.name} has no questions in the split(s) missing`,
      "backends.inference": `"${tag}-training" is a training backend, not an inference one`,
      "backends.training": 'There is no backend named "nope"',
    });
  });
});
