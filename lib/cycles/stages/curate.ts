import { VERIFIER_VERSION } from "@/lib/verifier";
import { mergeCycleMetrics, type CycleState } from "../db/cycle-repository";
import { countCurated, yieldByDataset } from "../db/metrics-repository";
import type { CyclePlan } from "../plan";

export interface Curation {
  /** Rationalizations are trained on in training cycles only; the final cycle uses direct answers. */
  directOnly: boolean;
  excludeHallucinated: true;
  examples: { answers: number; rationalizations: number; total: number };
  datasets: {
    datasetId: number;
    name: string;
    questions: number;
    /** Questions with at least one direct answer: the yields are over these. */
    answered: number;
    /** Questions the backend never answered (given up): not counted as wrong. */
    givenUp: number;
    answerPassed: number;
    rationalizationPassed: number;
    answerYield: number | null;
    totalYield: number | null;
  }[];
}

/** Decides the cycle's training set (passing answers, plus rationalizations unless final) and records its yield. */
export async function curate(cycle: CycleState, plan: CyclePlan): Promise<Curation> {
  const directOnly = cycle.isFinal || !plan.config.rationalization.enabled;
  const counts = await countCurated(cycle.id, VERIFIER_VERSION, { directOnly, excludeHallucinated: true });
  const answers = counts.find((c) => c.mode === "ANSWER")?.n ?? 0;
  const rationalizations = counts.find((c) => c.mode === "RATIONALIZATION")?.n ?? 0;
  const yields = await yieldByDataset(cycle.id, VERIFIER_VERSION);
  const datasets = plan.datasets.map((dataset) => {
    const row = yields.find((y) => y.datasetId === dataset.datasetId);
    const questions = dataset.train.count;
    const answered = row?.answered ?? 0;
    const answerPassed = row?.answerPassed ?? 0;
    const rationalizationPassed = directOnly ? 0 : (row?.rationalizationPassed ?? 0);
    return {
      datasetId: dataset.datasetId,
      name: dataset.name,
      questions,
      answered,
      givenUp: Math.max(0, questions - answered),
      answerPassed,
      rationalizationPassed,
      answerYield: answered > 0 ? answerPassed / answered : null,
      totalYield: answered > 0 ? (answerPassed + rationalizationPassed) / answered : null,
    };
  });
  const curation: Curation = {
    directOnly,
    excludeHallucinated: true,
    examples: { answers, rationalizations, total: answers + rationalizations },
    datasets,
  };
  await mergeCycleMetrics(cycle.id, { curation });
  return curation;
}
