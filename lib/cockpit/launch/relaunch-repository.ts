import { parseCyclePlan } from "@/lib/cycles/plan";
import { prisma } from "@/lib/db/prisma";
import type { LaunchOriginal } from "./launch-form-types";

/**
 * The settings a run was launched with, as the launch form takes them; null when there is no such
 * run. The run's own webhook URL comes back only to the person who launched it: its path is a secret.
 */
export async function relaunchSettings(runId: number, viewerId: string | null): Promise<LaunchOriginal | null> {
  const run = await prisma().run.findUnique({ where: { id: runId }, select: { id: true, name: true, config: true, createdById: true } });
  if (!run) return null;
  const plan = parseCyclePlan(run.config);
  const { datasets, verifier, notify, ...rest } = plan.config;
  const values = {
    ...rest,
    notify: run.createdById !== null && run.createdById === viewerId ? notify : { ...notify, webhookUrl: undefined },
  };
  return {
    runId: run.id,
    name: run.name,
    // Plain JSON, as a client component's props must be.
    values: JSON.parse(JSON.stringify(values)) as Record<string, unknown>,
    // A dataset named in the config is resolved to its id by the plan, entry for entry.
    datasets: datasets.map((entry, position) => ({
      datasetId: plan.datasets[position]?.datasetId ?? (typeof entry.dataset === "number" ? entry.dataset : 0),
      sampleSize: entry.sampleSize,
      splits: [...entry.splits],
    })),
    verifier: {
      preset: verifier.preset,
      overrides: JSON.parse(JSON.stringify(verifier.overrides)) as Record<string, Record<string, unknown>>,
    },
  };
}
