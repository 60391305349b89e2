import type pg from "pg";
import { z } from "zod";
import { DEFAULT_BASE_MODEL, generateAnswer, targetSchema } from "@/lib/backends/simulator";
import { ANSWER_PROMPT_SUFFIX, seedAqaRun, seedFineDivingDataset, type SeedDive, type SeededRun } from "./seed-finediving";

type Db = pg.Pool | pg.PoolClient;

/** The demo's first two FineDiving dives (lib/datasets/demo/write-demo-fixtures.ts), for databases without them. */
const DEMO_LIKE_DIVES: readonly SeedDive[] = [
  {
    key: "DemoDivingCup2024_Women10m_final_r1_0",
    actionType: "105b",
    difficulty: 3.0,
    judgeScores: [8.0, 8.5, 7.5, 8.0, 9.0, 8.0, 7.5],
    steps: [
      { name: "Forward", frames: 6 },
      { name: "2.5 Soms.Pike", frames: 20 },
      { name: "Entry", frames: 10 },
    ],
    split: "train",
  },
  {
    key: "DemoDivingCup2024_Synchro3m_final_r2_1",
    actionType: "407c",
    difficulty: 3.4,
    judgeScores: [8.5, 9.0, 8.5, 8.0, 8.5],
    steps: [
      { name: "Inward", frames: 6 },
      { name: "3.5 Soms.Tuck", frames: 20 },
      { name: "Entry", frames: 10 },
    ],
    split: "test",
  },
];

const SIMULATED_RUN_NAME = "FineDiving AQA review demo (simulated)";
const FALLBACK_DATASET = "FineDiving (AQA review seed)";

interface AqaQuestionRow {
  id: number;
  kind: string;
  text: string;
  targets: unknown;
  videoKey: string;
}

/** FineDiving aqa-* questions whose video has a dive label; demo datasets first. */
async function aqaQuestions(db: Db): Promise<AqaQuestionRow[]> {
  const { rows } = await db.query<AqaQuestionRow>(
    `SELECT q.id, q.kind, q.text, q.targets, v.key AS "videoKey"
       FROM "Question" q
       JOIN "Dataset" d ON d.id = q."datasetId"
       JOIN "Video" v ON v.id = q."videoId"
       JOIN "Label" l ON l."videoId" = v.id AND l.key = 'dive'
      WHERE d.format = 'FINEDIVING' AND q.kind LIKE 'aqa-%'
      ORDER BY d."isDemo" DESC, d.id, q.id
      LIMIT 400`,
  );
  return rows;
}

export interface SimulatedCycleResult extends SeededRun {
  /** True when no FineDiving questions existed and the demo-like dives were created. */
  createdDives: boolean;
  questions: number;
}

/**
 * A simulated self-training run over the database's FineDiving AQA questions: each cycle's answers
 * come from the simulated video language model (lib/backends/simulator), cycle n answering with the
 * adapter of strength n − 1, as the cycle engine would record them. Creates the demo-like dives when
 * the database has no FineDiving questions yet. Idempotent: runs again to the same rows.
 */
export async function seedSimulatedAqaRun(db: Db, options: { cycles?: number; seed?: number } = {}): Promise<SimulatedCycleResult> {
  let questions = await aqaQuestions(db);
  const createdDives = questions.length === 0;
  if (createdDives) {
    await seedFineDivingDataset(db, {
      name: FALLBACK_DATASET,
      dives: DEMO_LIKE_DIVES,
      isDemo: true,
      description: "The demo dives, without media: seeded for the AQA review.",
    });
    questions = await aqaQuestions(db);
  }
  const cycleCount = options.cycles ?? 2;
  const seed = options.seed ?? 7;
  const cycles = Array.from({ length: cycleCount }, (_, i) => {
    const model = i === 0 ? DEFAULT_BASE_MODEL : `${DEFAULT_BASE_MODEL}-aqa-demo-c${i}`;
    return {
      index: i + 1,
      generations: questions.map((q) => {
        const targets = z.array(targetSchema).catch([]).parse(q.targets);
        const answer = generateAnswer({
          seed,
          model,
          strength: i,
          videoId: q.videoKey,
          prompt: q.text,
          mode: "answer",
          targets,
          questionKind: q.kind,
        });
        return { questionId: q.id, text: answer.text, model, prompt: `Question: ${q.text}.\n${ANSWER_PROMPT_SUFFIX}` };
      }),
    };
  });
  const run = await seedAqaRun(db, {
    runName: SIMULATED_RUN_NAME,
    checkpointName: `${DEFAULT_BASE_MODEL} (simulated, AQA review seed)`,
    cycles,
  });
  return { ...run, createdDives, questions: questions.length };
}
