import { z } from "zod";
import { cycleConfigSchema } from "./config";

/**
 * Which questions of a dataset a run works on: those of `splits` with id ≤ `maxQuestionId` (the
 * newest when the run was planned, so later imports do not change it) whose md5(seedKey:id) is ≤
 * `cutoff` — the `count` smallest hashes, a deterministic sample; `cutoff` null = all of them.
 */
const selectionSchema = z.object({
  datasetId: z.int(),
  splits: z.array(z.string()).min(1),
  maxQuestionId: z.int(),
  cutoff: z.string().nullable(),
  seedKey: z.string(),
  count: z.int().min(0),
});
export type Selection = z.infer<typeof selectionSchema>;

/** The run's resolved plan: the launch configuration with names turned into ids and samples fixed. */
const cyclePlanSchema = z.object({
  version: z.literal(1),
  config: cycleConfigSchema,
  datasets: z.array(z.object({ datasetId: z.int(), name: z.string(), train: selectionSchema, evaluation: selectionSchema.nullable() })),
  inferenceBackendId: z.int(),
  trainingBackendId: z.int(),
  /** The embeddings backend the verifier uses, when the run names one. */
  embeddingsBackendId: z.int().optional(),
  baseCheckpointId: z.int(),
});
export type CyclePlan = z.output<typeof cyclePlanSchema>;

export function parseCyclePlan(value: unknown, what = "cycle plan"): CyclePlan {
  const parsed = cyclePlanSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`${what} is unreadable: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function selectionOf(plan: CyclePlan, datasetId: number, kind: "train" | "evaluation"): Selection {
  const entry = plan.datasets.find((dataset) => dataset.datasetId === datasetId);
  const selection = kind === "train" ? entry?.train : entry?.evaluation;
  if (!selection) throw new Error(`the plan has no ${kind} selection for dataset ${datasetId}`);
  return selection;
}
