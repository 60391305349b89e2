import { prisma } from "@/lib/db/prisma";

/**
 * Rows for the cockpit's database tests: a dataset with questions, runs, cycles, generations with
 * verdicts, and audits. Names carry a unique tag so test files can share one database.
 */
export function uniqueTag(prefix = "ck"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** `splits` are assigned to the questions in turn (all "train" by default). */
export async function createDatasetWithQuestions(tag: string, labelType: string, count: number, splits: string[] = ["train"]) {
  const dataset = await prisma().dataset.create({
    data: { name: `${tag}-${labelType}`, format: "GENERIC" },
    select: { id: true, name: true },
  });
  const questionIds: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const video = await prisma().video.create({
      data: { datasetId: dataset.id, key: `${tag}-v${index}`, durationSec: 3 },
      select: { id: true },
    });
    const label = labelType === "class" ? "eating apple pie" : { start: 1, end: 2 };
    const question = await prisma().question.create({
      data: {
        datasetId: dataset.id,
        videoId: video.id,
        key: `q${index}`,
        kind: `${labelType}-question`,
        text: `What happens in clip ${index}?`,
        targets: [{ labelType, label }],
        split: splits[index % splits.length] ?? "train",
      },
      select: { id: true },
    });
    questionIds.push(question.id);
  }
  return { ...dataset, questionIds };
}

export async function createRunWithCycles(tag: string, cycles: number, status: "DONE" | "GENERATING" = "DONE") {
  const checkpoint = await prisma().checkpoint.create({
    data: { servedName: `${tag}-base`, kind: "BASE", baseModel: "base-model" },
    select: { id: true },
  });
  const run = await prisma().run.create({ data: { name: `${tag}-run`, config: {} }, select: { id: true, name: true } });
  const cycleIds: number[] = [];
  for (let index = 1; index <= cycles; index += 1) {
    const cycle = await prisma().cycle.create({
      data: { runId: run.id, index, status, config: {}, inputCheckpointId: checkpoint.id },
      select: { id: true },
    });
    cycleIds.push(cycle.id);
  }
  return { runId: run.id, runName: run.name, checkpointId: checkpoint.id, cycleIds };
}

export interface GenerationSpec {
  questionId: number;
  mode?: "ANSWER" | "RATIONALIZATION" | "EVALUATION";
  sampleIndex?: number;
  text?: string;
  /** undefined: no verdict. */
  passed?: boolean;
  latencyMs?: number;
  promptTokens?: number;
  completionTokens?: number;
  createdAt?: Date;
}

export async function createGenerations(cycleId: number, specs: GenerationSpec[]): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of specs) {
    const generation = await prisma().generation.create({
      data: {
        cycleId,
        questionId: spec.questionId,
        mode: spec.mode ?? "ANSWER",
        sampleIndex: spec.sampleIndex ?? 0,
        model: "base-model",
        prompt: "Explain step by step.",
        text: spec.text ?? "The person is eating apple pie at a table.",
        latencyMs: spec.latencyMs ?? null,
        promptTokens: spec.promptTokens ?? null,
        completionTokens: spec.completionTokens ?? null,
        ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
      },
      select: { id: true },
    });
    if (spec.passed !== undefined) {
      await prisma().verdict.create({
        data: {
          generationId: generation.id,
          verifierVersion: "test-1",
          configHash: "h",
          passed: spec.passed,
          score: spec.passed ? 1 : 0,
          method: "keywords",
        },
        select: { id: true },
      });
    }
    ids.push(generation.id);
  }
  return ids;
}

export async function createAuditor(tag: string): Promise<string> {
  const id = `${tag}-auditor-${Math.random().toString(36).slice(2, 7)}`;
  await prisma().user.create({ data: { id, email: `${id}@test.local`, name: `Auditor ${id}`, role: "ANNOTATOR" }, select: { id: true } });
  return id;
}

export async function createAudit(
  generationId: number,
  userId: string,
  verdict: "CORRECT" | "HALLUCINATED" | "PARTLY_CORRECT" | "UNSURE",
  labelPresent: boolean | null,
  submitted = true,
) {
  await prisma().audit.create({
    data: { generationId, userId, verdict, labelPresent, submittedAt: submitted ? new Date() : null },
    select: { id: true },
  });
}
