import { prisma } from "@/lib/db/prisma";
import type { StoredBackend } from "@/lib/backends/registry";
import type { CheckpointRef } from "./cycle-repository";

export interface BackendRow extends StoredBackend {
  id: number;
  isSimulator: boolean;
  updatedAt: Date;
}

const backendSelect = {
  id: true,
  name: true,
  role: true,
  protocol: true,
  baseUrl: true,
  config: true,
  secretCiphertext: true,
  isSimulator: true,
  updatedAt: true,
} as const;

export async function findBackend(where: { id: number } | { name: string }): Promise<BackendRow | null> {
  return prisma().backend.findUnique({ where, select: backendSelect });
}

export async function findDataset(ref: number | string): Promise<{ id: number; name: string } | null> {
  return prisma().dataset.findUnique({
    // A dataset an import is still creating is not there yet.
    where: typeof ref === "number" ? { id: ref, pendingImportId: null } : { name: ref, pendingImportId: null },
    select: { id: true, name: true },
  });
}

/** The base model's checkpoint row (created on first use). */
export async function ensureBaseCheckpoint(servedName: string, simulated: boolean): Promise<CheckpointRef> {
  return prisma().checkpoint.upsert({
    where: { servedName },
    create: { servedName, kind: "BASE", baseModel: servedName, simulated },
    update: {},
    select: { id: true, servedName: true, kind: true, baseModel: true, adapterPath: true },
  });
}

/** A cycle's trained adapter, served under its versioned name (idempotent on the name). */
export async function registerAdapter(input: {
  servedName: string;
  baseModel: string;
  adapterPath: string;
  cycleId: number;
  simulated: boolean;
}): Promise<CheckpointRef> {
  return prisma().checkpoint.upsert({
    where: { servedName: input.servedName },
    create: {
      servedName: input.servedName,
      kind: "ADAPTER",
      baseModel: input.baseModel,
      adapterPath: input.adapterPath,
      producedById: input.cycleId,
      simulated: input.simulated,
    },
    update: { adapterPath: input.adapterPath, producedById: input.cycleId },
    select: { id: true, servedName: true, kind: true, baseModel: true, adapterPath: true },
  });
}

/** A simulator backend row (demo): created once; later starts only refresh its URL. */
export async function upsertSimulatorBackend(input: {
  name: string;
  role: "INFERENCE" | "TRAINING" | "EMBEDDINGS";
  protocol: string;
  baseUrl: string;
  config: Record<string, unknown>;
}): Promise<number> {
  const row = await prisma().backend.upsert({
    where: { name: input.name },
    create: {
      name: input.name,
      role: input.role,
      protocol: input.protocol,
      baseUrl: input.baseUrl,
      config: JSON.parse(JSON.stringify(input.config)) as object,
      isSimulator: true,
    },
    update: { baseUrl: input.baseUrl },
    select: { id: true },
  });
  return row.id;
}

export async function demoDatasets(): Promise<{ id: number; name: string }[]> {
  return prisma().dataset.findMany({
    where: { isDemo: true, pendingImportId: null },
    orderBy: { id: "asc" },
    select: { id: true, name: true },
  });
}

/** Worker processes that beat their heartbeat recently. */
export async function liveWorkerCount(withinMs = 30_000): Promise<number> {
  return prisma().workerHeartbeat.count({ where: { status: "running", lastBeatAt: { gte: new Date(Date.now() - withinMs) } } });
}

/** The question splits a dataset has, with their sizes. */
export async function datasetSplits(datasetId: number): Promise<{ split: string | null; questions: number }[]> {
  const rows = await prisma().question.groupBy({ by: ["split"], where: { datasetId }, _count: { _all: true } });
  return rows.map((row) => ({ split: row.split, questions: row._count._all }));
}
