import type { CycleConfig } from "@/lib/cycles/config";
import { invalidInput } from "@/lib/errors/domain-error";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { storedSettings } from "@/lib/backends/registry/backend-runtime";
import { estimateLaunch, type BackendHistory, type EstimateDataset, type LaunchEstimate } from "./estimate";

/** A launch setting that names something that does not exist; reported beside its field. */
interface LaunchIssue {
  field: string;
  message: string;
}

const RECENT_GENERATIONS = 5000;

/** What launching this configuration will take; an invalid-input DomainError names each setting that names nothing. */
export async function estimateForConfig(config: CycleConfig): Promise<LaunchEstimate> {
  const issues: LaunchIssue[] = [];
  const datasets = await resolveDatasets(config, issues);
  const inference = await backendByName(config.backends.inference, "INFERENCE", "backends.inference", issues);
  const training = await backendByName(config.backends.training, "TRAINING", "backends.training", issues);
  if (issues.length > 0 || !inference || !training) {
    throw invalidInput(`launch settings are invalid: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ")}`, issues);
  }
  const settings = storedSettings(inference);
  const model = typeof settings.model === "string" ? settings.model : "";
  const maxConcurrency = typeof settings.maxConcurrency === "number" ? settings.maxConcurrency : 8;
  const history = {
    ...(await generationHistory(inference.id, model)),
    maxConcurrency,
    trainingSeconds: await meanTrainingSeconds(training.id),
  };
  return estimateLaunch(
    datasets,
    {
      samplesPerQuestion: config.sampling.samplesPerQuestion,
      maxTokens: config.sampling.maxTokens,
      maxCycles: config.stopRule.maxCycles,
      rationalization: config.rationalization.enabled,
      evaluation: config.evaluation.enabled,
    },
    history,
  );
}

async function resolveDatasets(config: CycleConfig, issues: LaunchIssue[]): Promise<EstimateDataset[]> {
  const resolved: EstimateDataset[] = [];
  for (const [index, selection] of config.datasets.entries()) {
    const dataset = await prisma().dataset.findFirst({
      where: {
        ...(typeof selection.dataset === "number" ? { id: selection.dataset } : { name: selection.dataset }),
        pendingImportId: null,
      },
      select: { id: true, name: true },
    });
    if (!dataset) {
      issues.push({
        field: `datasets.${index}.dataset`,
        message: `There is no dataset ${typeof selection.dataset === "number" ? `with id ${selection.dataset}` : `named "${selection.dataset}"`}`,
      });
      continue;
    }
    const available = await questionCount(dataset.id, selection.splits);
    if (available === 0)
      issues.push({
        field: `datasets.${index}.splits`,
        message: `${dataset.name} has no questions in the split(s) ${selection.splits.join(", ")}`,
      });
    const evaluationAvailable = config.evaluation.enabled ? await questionCount(dataset.id, config.evaluation.splits) : 0;
    resolved.push({
      name: dataset.name,
      questions: capped(available, selection.sampleSize),
      evaluationQuestions: capped(evaluationAvailable, config.evaluation.sampleSize),
    });
  }
  return resolved;
}

async function questionCount(datasetId: number, splits: string[]): Promise<number> {
  return prisma().question.count({ where: { datasetId, split: { in: splits } } });
}

function capped(available: number, sampleSize: number | null): number {
  return sampleSize === null ? available : Math.min(available, sampleSize);
}

async function backendByName(name: string, role: "INFERENCE" | "TRAINING", field: string, issues: LaunchIssue[]) {
  const backend = await prisma().backend.findUnique({ where: { name }, select: { id: true, role: true, config: true, isSimulator: true } });
  if (!backend) issues.push({ field, message: `There is no backend named "${name}"` });
  else if (backend.role !== role)
    issues.push({
      field,
      message: `"${name}" is ${withArticle(backend.role.toLowerCase())} backend, not ${withArticle(role.toLowerCase())} one`,
    });
  return backend && backend.role === role ? backend : null;
}

interface HistoryRow {
  generations: number;
  prompt: number | null;
  completion: number | null;
  latency: number | null;
  rate: number | null;
  answers_judged: number;
  answers_passed: number;
}

/**
 * The last generations this very backend made with this base model (or its adapters): mean tokens
 * and latency, the answer pass rate, and throughput as generations per second while each cycle's
 * stage ran (spans of one cycle and mode, pooled). Another backend's figures never stand in: a
 * backend that has generated nothing has no measurement.
 */
async function generationHistory(backendId: number, model: string): Promise<Omit<BackendHistory, "maxConcurrency" | "trainingSeconds">> {
  const { rows } = await pool().query<HistoryRow>(
    `WITH recent AS (
       SELECT g.id, g."cycleId", g.mode, g."createdAt", g."latencyMs", g."promptTokens", g."completionTokens"
       FROM "Generation" g
       JOIN "Cycle" c ON c.id = g."cycleId"
       JOIN "Checkpoint" k ON k.id = c."inputCheckpointId"
       WHERE c.config->>'inferenceBackendId' = $1::text AND k."baseModel" = $2
       ORDER BY g.id DESC
       LIMIT ${RECENT_GENERATIONS}
     ), spans AS (
       SELECT count(*) AS n, extract(epoch FROM max("createdAt") - min("createdAt")) AS seconds FROM recent GROUP BY "cycleId", mode
     ), answers AS (
       SELECT v.passed FROM recent r
       JOIN LATERAL (SELECT passed FROM "Verdict" WHERE "generationId" = r.id ORDER BY "createdAt" DESC, id DESC LIMIT 1) v ON true
       WHERE r.mode = 'ANSWER'
     )
     SELECT (SELECT count(*)::int FROM recent) AS generations,
            (SELECT avg("promptTokens")::float FROM recent) AS prompt,
            (SELECT avg("completionTokens")::float FROM recent) AS completion,
            (SELECT avg("latencyMs")::float FROM recent) AS latency,
            (SELECT (sum(n - 1) / nullif(sum(seconds), 0))::float FROM spans WHERE n > 1) AS rate,
            (SELECT count(*)::int FROM answers) AS answers_judged,
            (SELECT count(*) FILTER (WHERE passed)::int FROM answers) AS answers_passed`,
    [backendId, model],
  );
  const row = rows[0];
  return {
    generations: row?.generations ?? 0,
    answerYield: row && row.answers_judged > 0 ? row.answers_passed / row.answers_judged : null,
    promptTokensPerGeneration: row?.prompt ?? null,
    completionTokensPerGeneration: row?.completion ?? null,
    generationsPerSecond: row?.rate ?? null,
    meanLatencyMs: row?.latency ?? null,
  };
}

async function meanTrainingSeconds(backendId: number): Promise<number | null> {
  const runs = await prisma().trainingRun.findMany({
    where: { backendId, status: "SUCCEEDED", startedAt: { not: null }, finishedAt: { not: null } },
    orderBy: { id: "desc" },
    take: 10,
    select: { startedAt: true, finishedAt: true },
  });
  if (runs.length === 0) return null;
  const total = runs.reduce((sum, run) => sum + ((run.finishedAt?.getTime() ?? 0) - (run.startedAt?.getTime() ?? 0)), 0);
  return total / runs.length / 1000;
}

function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
