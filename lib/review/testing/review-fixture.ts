import { randomUUID } from "node:crypto";
import { pool } from "@/lib/db/pool";
import { boxBox, personBox, type SceneSize } from "@/lib/media/demo-scenes";
import type { ReviewableMode } from "../constants";

// Test and demo data for review: a dataset with one clip of a person picking up a box, questions
// asking when it happens, a run with cycles of generated answers and rationalizations, and the
// verifier's verdicts — written directly (the cycle engine is not needed to review).

interface FixtureGeneration {
  id: number;
  cycleId: number;
  questionId: number;
  mode: ReviewableMode;
  passed: boolean;
  text: string;
}

export interface ReviewFixture {
  datasetId: number;
  videoId: number;
  runId: number;
  cycleIds: number[];
  questionIds: number[];
  generations: FixtureGeneration[];
}

export interface FixtureOptions {
  /** Makes names unique (datasets, runs and checkpoints have unique names). */
  tag: string;
  questions?: number;
  cycles?: number;
  /** The clip, relative to the media root (null: no playable media). */
  mediaPath?: string | null;
}

/** The synthetic "carry" clip the fixture describes (lib/media/demo-scenes): 3 s at 24 fps, 320×240. */
const FIXTURE_SCENE: SceneSize = { width: 320, height: 240, fps: 24, durationSec: 3 };
/** The scene's pick-up phase (walk 0–1 s, pick up 1–2 s, carry 2–3 s). */
const PICK_UP_INTERVAL = { start: 1, end: 2 } as const;

/** Answer texts: the passing ones state the interval, the failing ones do not; some invent things. */
function answerText(mode: ReviewableMode, variant: number, passed: boolean): string {
  const when = passed ? `from ${PICK_UP_INTERVAL.start.toFixed(1)} s to ${PICK_UP_INTERVAL.end.toFixed(1)} s` : "near the end of the clip";
  const invented = variant % 2 === 0 ? " He then washes the box and puts it on a drying rack." : " He carries it off to the right.";
  return mode === "ANSWER"
    ? `The person walks to the box and picks it up ${when}.${invented}`
    : `Given the label, the pick-up happens ${when}: the person bends down, grips the box with both hands and lifts it.${invented}`;
}

export async function seedReviewFixture(options: FixtureOptions): Promise<ReviewFixture> {
  const db = pool();
  const questionCount = options.questions ?? 4;
  const cycleCount = options.cycles ?? 1;
  /** The id an INSERT … RETURNING id gave back. */
  const insertedId = async (sql: string, params: unknown[]): Promise<number> => {
    const id = (await db.query<{ id: number }>(sql, params)).rows[0]?.id;
    if (id === undefined) throw new Error(`no row returned by: ${sql.slice(0, 60)}`);
    return id;
  };

  const datasetId = await insertedId(
    `INSERT INTO "Dataset" (name, format, description) VALUES ($1, 'STAR', 'review fixture') RETURNING id`,
    [`Review fixture ${options.tag}`],
  );
  const videoId = await insertedId(
    `INSERT INTO "Video" ("datasetId", key, "mediaPath", "durationSec", fps, width, height, "mediaStatus", "videoCodec")
     VALUES ($1, $2, $3, 3, 24, 320, 240, $4::"MediaStatus", 'h264') RETURNING id`,
    [datasetId, `clip-${options.tag}`, options.mediaPath ?? null, options.mediaPath ? "READY" : "PENDING"],
  );
  await db.query(
    `INSERT INTO "Label" ("videoId", key, kind, value) VALUES
       ($1, 'interval:a002', 'INTERVAL', $2::jsonb),
       ($1, 'interval:a001', 'INTERVAL', $3::jsonb),
       ($1, 'bbox:000036:o002', 'BBOX', $4::jsonb),
       ($1, 'sequence', 'SEQUENCE', $5::jsonb),
       ($1, 'bbox:000036:o000', 'BBOX', $6::jsonb)`,
    [
      videoId,
      JSON.stringify({ ...PICK_UP_INTERVAL, action: "picking up a box" }),
      JSON.stringify({ start: 0, end: 1, action: "walking to a box" }),
      // Pixel boxes (as STAR stores them), where the clip really draws them at 1.5 s.
      JSON.stringify({ box: boxBox(FIXTURE_SCENE, 1.5), time: 1.5, label: "box" }),
      JSON.stringify({ actions: ["walking to a box", "picking up a box", "carrying a box"] }),
      JSON.stringify({ box: personBox(FIXTURE_SCENE, 1.5), time: 1.5, label: "person" }),
    ],
  );
  const questionIds: number[] = [];
  for (let q = 0; q < questionCount; q += 1) {
    const id = await insertedId(
      `INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets) VALUES ($1, $2, $3, 'star-when', $4, $5::jsonb) RETURNING id`,
      [
        datasetId,
        videoId,
        `when:${q}`,
        `When does the person pick up the box? (${q + 1})`,
        JSON.stringify([{ labelType: "interval", label: PICK_UP_INTERVAL }]),
      ],
    );
    questionIds.push(id);
  }
  const checkpointId = await insertedId(
    `INSERT INTO "Checkpoint" ("servedName", kind, "baseModel", simulated) VALUES ($1, 'BASE', 'sim-video-llm', true) RETURNING id`,
    [`base-${options.tag}-${randomUUID().slice(0, 8)}`],
  );
  const runId = await insertedId(`INSERT INTO "Run" (name, config) VALUES ($1, '{}') RETURNING id`, [`Run ${options.tag}`]);
  const cycleIds: number[] = [];
  for (let c = 1; c <= cycleCount; c += 1) {
    const id = await insertedId(
      `INSERT INTO "Cycle" ("runId", index, config, "inputCheckpointId", status) VALUES ($1, $2, '{}', $3, 'DONE') RETURNING id`,
      [runId, c, checkpointId],
    );
    cycleIds.push(id);
  }

  const generations: FixtureGeneration[] = [];
  for (const [cycleIndex, cycleId] of cycleIds.entries()) {
    for (const [q, questionId] of questionIds.entries()) {
      for (const mode of ["ANSWER", "RATIONALIZATION"] as const) {
        const variant = q + cycleIndex;
        const passed = (variant + (mode === "ANSWER" ? 0 : 1)) % 3 !== 0;
        const text = answerText(mode, variant, passed);
        const id = await insertedId(
          `INSERT INTO "Generation" ("cycleId", "questionId", mode, model, prompt, text, simulated, "latencyMs")
           VALUES ($1, $2, $3::"GenerationMode", 'sim-video-llm', $4, $5, true, 420) RETURNING id`,
          [cycleId, questionId, mode, `Explain step by step. When does the person pick up the box?`, text],
        );
        await db.query(
          `INSERT INTO "Verdict" ("generationId", "verifierVersion", "configHash", passed, score, threshold, method, matches)
           VALUES ($1, 'fixture-1', 'fixture', $2, $3, 0.75, 'interval:temporal-iou', $4::jsonb)`,
          [id, passed, passed ? 1 : 0, JSON.stringify(verdictMatches(text, passed))],
        );
        generations.push({ id, cycleId, questionId, mode, passed, text });
      }
    }
  }
  return { datasetId, videoId, runId, cycleIds, questionIds, generations };
}

/** The verifier's matches for a fixture answer: the stated interval, found or missing. */
function verdictMatches(text: string, passed: boolean): unknown[] {
  const stated = `${PICK_UP_INTERVAL.start.toFixed(1)} s to ${PICK_UP_INTERVAL.end.toFixed(1)} s`;
  const start = text.indexOf(stated);
  if (!passed || start < 0) return [{ matched: false, part: "interval", target: 0, reason: "no interval in the answer reaches tIoU 0.75" }];
  return [
    {
      matched: true,
      part: "interval",
      target: 0,
      start,
      end: start + stated.length,
      text: stated,
      similarity: 1,
      detail: "tIoU 1.00 vs threshold 0.75",
    },
  ];
}

/** A user row for tests (no password: these users never sign in). */
export async function createReviewer(
  tag: string,
  role: "ANNOTATOR" | "RESEARCHER" | "ADMIN" | "PI" = "ANNOTATOR",
): Promise<{ id: string; role: string }> {
  const id = `reviewer-${tag}-${randomUUID().slice(0, 8)}`;
  await pool().query(`INSERT INTO "User" (id, name, email, role) VALUES ($1, $2, $3, $4::"Role")`, [
    id,
    `Reviewer ${tag}`,
    `${id}@test.local`,
    role,
  ]);
  return { id, role };
}
