import { pool } from "@/lib/db/pool";
import type { Target } from "@/lib/verifier";
import { ensureBaseCheckpoint, upsertSimulatorBackend } from "../db/catalog-repository";
import type { CycleConfigInput } from "../config";

/** Kinetics-style action classes for fixtures (no two share a content word). */
const FIXTURE_CLASSES = [
  "eating apple pie",
  "playing cello",
  "riding camel",
  "juggling balls",
  "folding napkins",
  "washing dishes",
  "climbing ladder",
  "shoveling snow",
  "brushing teeth",
  "kayaking river",
  "knitting scarf",
  "tapping pen",
];

export interface FixtureDataset {
  datasetId: number;
  name: string;
  trainQuestionIds: number[];
  testQuestionIds: number[];
}

/** The question (and its targets) a fixture gives clip number `i`: mostly classes, some intervals and timestamps. */
function fixtureQuestion(i: number): { kind: string; text: string; targets: Target[] } {
  if (i % 10 === 7)
    return {
      kind: "temporal-interval",
      text: "When does the person pick up the box?",
      targets: [{ labelType: "interval", label: { start: 1 + (i % 5), end: 4 + (i % 5) } }],
    };
  if (i % 10 === 9)
    return {
      kind: "timestamp",
      text: "At what time does the ball bounce?",
      targets: [{ labelType: "timestamp", label: { time: 2 + (i % 4) } }],
    };
  return {
    kind: "kinetics-class",
    text: "What is the person doing in this video?",
    targets: [{ labelType: "class", label: FIXTURE_CLASSES[i % FIXTURE_CLASSES.length]! }],
  };
}

/**
 * A dataset of `train` + `test` questions, one clip each, written in bulk (fast enough for the
 * 100k-question benchmark). Targets are in the shared contract shapes.
 */
export async function createFixtureDataset(input: { name: string; train: number; test?: number }): Promise<FixtureDataset> {
  const db = pool();
  const test = input.test ?? 0;
  const total = input.train + test;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "Dataset" (name, format, description) VALUES ($1, 'GENERIC', 'cycle-engine fixture') RETURNING id`,
    [input.name],
  );
  const datasetId = rows[0]!.id;
  const indices = Array.from({ length: total }, (_, i) => i);
  const split = (i: number) => (i < input.train ? "train" : "test");
  const videos = await db.query<{ id: number; key: string }>(
    `INSERT INTO "Video" ("datasetId", key, split, "mediaPath", "durationSec", "mediaStatus")
     SELECT $1, k, s, 'fixtures/' || k || '.mp4', 8, 'READY' FROM unnest($2::text[], $3::text[]) AS u(k, s) RETURNING id, key`,
    [datasetId, indices.map((i) => `clip-${i}`), indices.map(split)],
  );
  const videoIdOf = new Map(videos.rows.map((row) => [row.key, row.id]));
  const questions = indices.map(fixtureQuestion);
  const inserted = await db.query<{ id: number; split: string }>(
    `INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets, split)
     SELECT $1, v, 'q', k, t, g::jsonb, s FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(v, k, t, g, s)
     RETURNING id, split`,
    [
      datasetId,
      indices.map((i) => videoIdOf.get(`clip-${i}`)!),
      questions.map((q) => q.kind),
      questions.map((q) => q.text),
      questions.map((q) => JSON.stringify(q.targets)),
      indices.map(split),
    ],
  );
  const ids = (s: string) =>
    inserted.rows
      .filter((row) => row.split === s)
      .map((row) => row.id)
      .sort((a, b) => a - b);
  return { datasetId, name: input.name, trainQuestionIds: ids("train"), testQuestionIds: ids("test") };
}

export interface FixtureBackends {
  inference: string;
  training: string;
}

/** Simulator backend rows (uniquely named) pointing at a running simulator. */
export async function createSimulatorBackends(input: {
  tag: string;
  url: string;
  inference?: Record<string, unknown>;
}): Promise<FixtureBackends> {
  const inference = `sim-${input.tag}`;
  const training = `sim-ray-${input.tag}`;
  await upsertSimulatorBackend({
    name: inference,
    role: "INFERENCE",
    protocol: "simulator",
    baseUrl: input.url,
    config: { model: "Qwen2.5-VL-7B-Instruct", maxConcurrency: 16, timeoutMs: 10_000, ...input.inference },
  });
  await upsertSimulatorBackend({
    name: training,
    role: "TRAINING",
    protocol: "simulator-ray",
    baseUrl: input.url,
    config: { timeoutMs: 5000 },
  });
  await ensureBaseCheckpoint("Qwen2.5-VL-7B-Instruct", true);
  return { inference, training };
}

/** A small, fast configuration for tests (short ticks, leases and back-offs). */
export function testCycleConfig(
  input: {
    name: string;
    datasets: { dataset: number; sampleSize?: number | null }[];
    backends: FixtureBackends;
  } & Partial<CycleConfigInput>,
): CycleConfigInput {
  const { datasets, backends, execution, ...rest } = input;
  return {
    ...rest,
    datasets: datasets.map((d) => ({ dataset: d.dataset, sampleSize: d.sampleSize ?? null, splits: ["train"] })),
    backends,
    evaluation: { enabled: true, sampleSize: null, splits: ["test"], ...rest.evaluation },
    execution: { batchSize: 20, tickSeconds: 1, leaseSeconds: 5, retryDelaySeconds: 0.2, ...execution },
  };
}
