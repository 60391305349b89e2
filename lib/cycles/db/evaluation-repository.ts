import { prisma } from "@/lib/db/prisma";
import { asJson } from "./json";

export async function upsertEvaluation(input: {
  cycleId: number;
  datasetId: number;
  checkpointId: number | null;
  split: string | null;
  total: number;
  correct: number;
  metrics: Record<string, unknown>;
}): Promise<void> {
  const data = {
    checkpointId: input.checkpointId,
    split: input.split,
    total: input.total,
    correct: input.correct,
    accuracy: input.total > 0 ? input.correct / input.total : null,
    metrics: asJson(input.metrics),
  };
  await prisma().evaluation.upsert({
    where: { cycleId_datasetId: { cycleId: input.cycleId, datasetId: input.datasetId } },
    create: { cycleId: input.cycleId, datasetId: input.datasetId, ...data },
    update: { ...data, updatedAt: new Date() },
    select: { id: true },
  });
}
