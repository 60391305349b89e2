import { z } from "zod";
import { cycleConfigSchema } from "@/lib/cycles/config";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { PRESETS } from "@/lib/verifier/config";
import { storedSettings } from "@/lib/backends/registry/backend-runtime";
import type { JsonSchemaNode } from "./json-schema";
import type { LaunchBackend, LaunchDataset, LaunchFormModel } from "./launch-form-types";

export async function launchFormModel(): Promise<LaunchFormModel> {
  const schema = z.toJSONSchema(cycleConfigSchema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const { datasets: _placeholder, ...defaults } = cycleConfigSchema.parse({ datasets: [{ dataset: "placeholder" }] });
  const [datasets, backends] = await Promise.all([launchDatasets(), launchBackends()]);
  return { schema, defaults, presets: structuredClone(PRESETS) as unknown as Record<string, Record<string, unknown>>, datasets, backends };
}

async function launchDatasets(): Promise<LaunchDataset[]> {
  const [datasets, counts] = await Promise.all([
    prisma().dataset.findMany({
      where: { pendingImportId: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, format: true, isDemo: true },
    }),
    pool().query<{ datasetId: number; split: string | null; questions: number }>(
      `SELECT "datasetId", split, count(*)::int AS questions FROM "Question" GROUP BY "datasetId", split`,
    ),
  ]);
  return datasets.map((dataset) => ({
    ...dataset,
    splits: Object.fromEntries(
      counts.rows.filter((row) => row.datasetId === dataset.id).map((row) => [row.split ?? "(none)", row.questions]),
    ),
  }));
}

async function launchBackends(): Promise<LaunchBackend[]> {
  const rows = await prisma().backend.findMany({
    orderBy: { name: "asc" },
    select: { name: true, role: true, config: true, isSimulator: true },
  });
  return rows.map((row) => {
    const model = storedSettings(row).model;
    return { name: row.name, role: row.role, model: typeof model === "string" ? model : null, isSimulator: row.isSimulator };
  });
}
