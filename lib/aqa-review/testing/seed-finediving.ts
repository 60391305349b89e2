import { randomUUID } from "node:crypto";
import type pg from "pg";
import { computeDiveScore } from "@/lib/aqa";
import type { DiveRecord } from "@/lib/datasets/finediving/schema";
import { segmentsFromFrameLabels } from "@/lib/datasets/finediving/segments";
import { defaultTemplates } from "@/lib/datasets/templates/defaults";

/**
 * Test and demo seeding for the AQA review: FineDiving datasets (videos, dive labels, the two AQA
 * questions per dive), and runs with cycles of generations, written through `pg` as the hot paths
 * are. Every write is an upsert on the schema's unique keys, so seeding twice changes nothing.
 */
type Db = pg.Pool | pg.PoolClient;

export interface SeedDive {
  /** Video key, unique within the dataset. */
  key: string;
  actionType: string;
  difficulty: number;
  judgeScores: number[];
  /** Defaults to the panel rule's score, rounded to 2 decimals. */
  diveScore?: number;
  /** Sub-actions with the number of frames each lasts. */
  steps?: { name: string; frames: number }[];
  split?: string | null;
  fps?: number;
  mediaPath?: string | null;
}

const SEED_FPS = 12;

/** A `dive` label value in the importer's shape (lib/datasets/finediving DiveRecord). */
function seedDiveRecord(dive: SeedDive, event = "SeedEvent", index = 0): DiveRecord {
  const fps = dive.fps ?? SEED_FPS;
  const steps = dive.steps ?? [];
  const names = [...new Set(steps.map((s) => s.name))];
  const frameLabels = steps.flatMap((s) => Array<number>(s.frames).fill(names.indexOf(s.name)));
  const { segments } = segmentsFromFrameLabels(frameLabels, (id) => names[id], fps);
  const computed = computeDiveScore(dive.judgeScores, dive.difficulty);
  // As in the published file: the last frame of every step but the final one.
  const transits = segments.slice(0, -1).map((segment) => segment.end_frame);
  return {
    event,
    index,
    action_type: dive.actionType,
    dive_score: dive.diveScore ?? Math.round((computed?.value ?? 0) * 100) / 100,
    difficulty: dive.difficulty,
    judge_scores: dive.judgeScores,
    start_frame: 0,
    end_frame: frameLabels.length > 0 ? frameLabels.length - 1 : null,
    steps_transit_frames: transits,
    frames_labels: frameLabels,
    sub_action_types: Object.fromEntries(names.map((name, id) => [String(id), name])),
    sub_actions: segments.map((s) => s.name),
    segments,
    fps,
  };
}

const AQA_KINDS = ["aqa-full", "aqa-score"] as const;
type AqaQuestionKind = (typeof AQA_KINDS)[number];

interface SeededDive {
  videoId: number;
  record: DiveRecord;
  questions: Record<AqaQuestionKind, number>;
}

export interface SeededDataset {
  datasetId: number;
  dives: Map<string, SeededDive>;
}

function aqaTargets(record: DiveRecord, kind: AqaQuestionKind): unknown[] {
  const score = { labelType: "float", label: { value: record.dive_score, name: "score" } };
  if (kind === "aqa-score") return [score];
  return [
    { labelType: "sequence", label: { actions: record.sub_actions } },
    { labelType: "float", label: { value: record.difficulty, name: "difficulty" } },
    score,
  ];
}

export async function seedFineDivingDataset(
  db: Db,
  options: { name: string; dives: readonly SeedDive[]; isDemo?: boolean; description?: string },
): Promise<SeededDataset> {
  const dataset = await db.query<{ id: number }>(
    `INSERT INTO "Dataset" (name, format, description, "isDemo") VALUES ($1, 'FINEDIVING', $2, $3)
     ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [options.name, options.description ?? "Seeded FineDiving dives for the AQA review", options.isDemo ?? false],
  );
  const datasetId = dataset.rows[0]?.id;
  if (datasetId === undefined) throw new Error(`dataset "${options.name}" was not created`);
  const templates = new Map(defaultTemplates("finediving").map((t) => [t.kind, t.text]));
  const dives = new Map<string, SeededDive>();
  for (const [index, dive] of options.dives.entries()) {
    const record = seedDiveRecord(dive, options.name, index);
    const duration = record.segments.at(-1)?.end_sec ?? null;
    const video = await db.query<{ id: number }>(
      `INSERT INTO "Video" ("datasetId", key, split, "mediaPath", "durationSec", fps, "mediaStatus")
       VALUES ($1, $2, $3, $4, $5, $6, 'READY')
       ON CONFLICT ("datasetId", key) DO UPDATE SET split = EXCLUDED.split, "updatedAt" = now() RETURNING id`,
      [datasetId, dive.key, dive.split ?? "test", dive.mediaPath ?? null, duration, record.fps],
    );
    const videoId = video.rows[0]?.id;
    if (videoId === undefined) throw new Error(`video "${dive.key}" was not created`);
    await db.query(
      `INSERT INTO "Label" ("videoId", key, kind, value) VALUES ($1, 'dive', 'DIVE', $2::jsonb)
       ON CONFLICT ("videoId", key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [videoId, JSON.stringify(record)],
    );
    const questions = {} as Record<AqaQuestionKind, number>;
    for (const kind of AQA_KINDS) {
      const question = await db.query<{ id: number }>(
        `INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets, split)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
         ON CONFLICT ("videoId", key) DO UPDATE SET targets = EXCLUDED.targets, "updatedAt" = now() RETURNING id`,
        [
          datasetId,
          videoId,
          `finediving:${kind}:0`,
          kind,
          templates.get(kind) ?? kind,
          JSON.stringify(aqaTargets(record, kind)),
          dive.split ?? "test",
        ],
      );
      const id = question.rows[0]?.id;
      if (id === undefined) throw new Error(`question ${kind} of "${dive.key}" was not created`);
      questions[kind] = id;
    }
    dives.set(dive.key, { videoId, record, questions });
  }
  return { datasetId, dives };
}

interface SeedGeneration {
  questionId: number;
  text: string;
  mode?: "ANSWER" | "RATIONALIZATION" | "EVALUATION";
  sampleIndex?: number;
  model?: string;
  prompt?: string;
}

export interface SeedCycle {
  index: number;
  status?: string;
  generations: readonly SeedGeneration[];
}

export interface SeededRun {
  runId: number;
  cycles: { cycleId: number; index: number; generationIds: number[] }[];
}

export const ANSWER_PROMPT_SUFFIX = "Can you explain step-by-step how one can arrive at this conclusion?";

/** A run with these cycles and generations (cycle configs mark them as seeded, simulated). */
export async function seedAqaRun(
  db: Db,
  options: { runName: string; checkpointName?: string; cycles: readonly SeedCycle[] },
): Promise<SeededRun> {
  const checkpoint = await db.query<{ id: number }>(
    `INSERT INTO "Checkpoint" ("servedName", kind, "baseModel", simulated) VALUES ($1, 'BASE', $1, true)
     ON CONFLICT ("servedName") DO UPDATE SET simulated = true RETURNING id`,
    [options.checkpointName ?? "aqa-seed-base (simulated)"],
  );
  const checkpointId = checkpoint.rows[0]?.id;
  const existing = await db.query<{ id: number }>(`SELECT id FROM "Run" WHERE name = $1 ORDER BY id LIMIT 1`, [options.runName]);
  const runId =
    existing.rows[0]?.id ??
    (
      await db.query<{ id: number }>(`INSERT INTO "Run" (name, config) VALUES ($1, '{"seeded": "aqa-review"}') RETURNING id`, [
        options.runName,
      ])
    ).rows[0]?.id;
  if (runId === undefined || checkpointId === undefined) throw new Error(`run "${options.runName}" was not created`);

  const cycles: SeededRun["cycles"] = [];
  for (const cycle of options.cycles) {
    const created = await db.query<{ id: number }>(
      `INSERT INTO "Cycle" ("runId", index, status, config, "inputCheckpointId", "startedAt", "finishedAt")
       VALUES ($1, $2, $3::"CycleStatus", '{"seeded": "aqa-review", "simulated": true}', $4, now(), now())
       ON CONFLICT ("runId", index) DO UPDATE SET status = EXCLUDED.status, "updatedAt" = now() RETURNING id`,
      [runId, cycle.index, cycle.status ?? "DONE", checkpointId],
    );
    const cycleId = created.rows[0]?.id;
    if (cycleId === undefined) throw new Error(`cycle ${cycle.index} was not created`);
    cycles.push({ cycleId, index: cycle.index, generationIds: await insertGenerations(db, cycleId, cycle.generations) });
  }
  return { runId, cycles };
}

async function insertGenerations(db: Db, cycleId: number, generations: readonly SeedGeneration[]): Promise<number[]> {
  if (generations.length === 0) return [];
  const column = <T>(pick: (g: SeedGeneration) => T) => generations.map(pick);
  const { rows } = await db.query<{ id: number; questionId: number; mode: string; sampleIndex: number }>(
    `INSERT INTO "Generation" ("cycleId", "questionId", mode, "sampleIndex", model, prompt, text, simulated)
     SELECT $1, q, m, s, model, prompt, text, true
       FROM unnest($2::int[], $3::"GenerationMode"[], $4::int[], $5::text[], $6::text[], $7::text[]) AS t(q, m, s, model, prompt, text)
     ON CONFLICT ("cycleId", "questionId", mode, "sampleIndex") DO UPDATE SET text = EXCLUDED.text
     RETURNING id, "questionId", mode, "sampleIndex"`,
    [
      cycleId,
      column((g) => g.questionId),
      column((g) => g.mode ?? "ANSWER"),
      column((g) => g.sampleIndex ?? 0),
      column((g) => g.model ?? "aqa-seed-model"),
      column((g) => g.prompt ?? `Question: (seeded).\n${ANSWER_PROMPT_SUFFIX}`),
      column((g) => g.text),
    ],
  );
  const idOf = new Map(rows.map((r) => [`${r.questionId}|${r.mode}|${r.sampleIndex}`, r.id]));
  return generations.map((g) => {
    const id = idOf.get(`${g.questionId}|${g.mode ?? "ANSWER"}|${g.sampleIndex ?? 0}`);
    if (id === undefined) throw new Error(`generation for question ${g.questionId} was not written`);
    return id;
  });
}

/** A user row (no password: for database tests that need an actor). */
export async function seedUser(
  db: Db,
  options: { email: string; name: string; role: "ADMIN" | "RESEARCHER" | "PI" | "ANNOTATOR" },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO "User" (id, name, email, role) VALUES ($1, $2, $3, $4::"Role")
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [randomUUID(), options.name, options.email, options.role],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`user ${options.email} was not created`);
  return id;
}
