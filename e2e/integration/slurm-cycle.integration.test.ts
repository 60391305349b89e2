import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { parseTrainingBackendConfig, type SlurmBackendConfig, trainingSubmissionId } from "@/lib/backends";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { backendInputSchema } from "@/lib/backends/registry";
import { SlurmBackend } from "@/lib/backends/training/slurm";
import { createBackend } from "@/lib/backends/registry/backend-repository";
import { cycleTrainingRuns } from "@/lib/cockpit/cycles/training-runs-repository";
import { launchRun } from "@/lib/cycles";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "@/lib/cycles/testing/fixtures";
import { startWorkerProcess, stopWorkerProcess, waitForRunEnd } from "@/lib/cycles/testing/harness";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import type { SpawnedScript } from "@/lib/testing/processes";

const cluster = inject("slurm");
// The worker reads the backend's credential from this variable, as an admin would configure it.
const TOKEN_VARIABLE = "VSTAR_INTEGRATION_SLURM_JWT";

let sim: RunningSimulator;
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  // Inference stays simulated; it serves the adapters the stand-in trainer marks for it.
  sim = await startSimulator({ port: 0, seed: 11, adapterFiles: true });
  worker = startWorkerProcess({ [TOKEN_VARIABLE]: cluster.token });
});

afterAll(async () => {
  await stopWorkerProcess(worker);
  await stopProcessBoss();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

test("a cycle trains through the real Slurm backend and finishes", async () => {
  const tag = `slurm-${Date.now().toString(36)}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 24, test: 8 });
  const { inference } = await createSimulatorBackends({ tag, url: sim.url });
  const training = `slurm-${tag}`;
  await createBackend(
    backendInputSchema.parse({
      name: training,
      role: "TRAINING",
      kind: "slurm",
      baseUrl: cluster.url,
      settings: {
        userName: cluster.userName,
        workingDirectory: cluster.jobsDir,
        llamafactoryCli: cluster.llamafactoryCli,
        gpusPerNode: 0,
        timeLimitMinutes: 10,
        sharedFilesystem: true,
        retries: { max: 2, baseDelayMs: 200 },
      },
      credential: { source: "env", envVar: TOKEN_VARIABLE },
    }),
    SYSTEM_ACTOR,
  );

  const { runId, cycleId } = await launchRun(
    testCycleConfig({
      name: `slurm cycle ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends: { inference, training },
      stopRule: { maxCycles: 1, minYieldGain: 0 },
    }),
    SYSTEM_ACTOR,
  );
  // A failed job of the same user that a cluster may still remember from an earlier database
  // (a reset, another installation), under the name this cycle's job would have had if submission
  // ids were made from the run and cycle ids alone: it must not pass for this cycle's training.
  const leftover = new SlurmBackend(
    parseTrainingBackendConfig({
      kind: "slurm",
      baseUrl: cluster.url,
      userName: cluster.userName,
      userToken: cluster.token,
      workingDirectory: cluster.jobsDir,
      llamafactoryCli: cluster.llamafactoryCli,
      gpusPerNode: 0,
      dedupeByName: false,
    }) as SlurmBackendConfig,
  );
  const { jobId: leftoverJob } = await leftover.submit({
    submissionId: trainingSubmissionId(`r${runId}-cy${cycleId}`, 1),
    cycleIndex: 1,
    configPath: path.join(cluster.jobsDir, "gone", "train.yaml"),
    outputDir: path.join(cluster.jobsDir, "gone", "adapter"),
  });

  const run = await waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
  expect(
    run.status,
    JSON.stringify(run.cycles.map(({ status, error, training, itemErrors }) => ({ status, error, training, itemErrors }))),
  ).toBe("DONE");
  const cycle = run.cycles[0]!;
  expect(run.cycles.map((c) => [c.index, c.status])).toEqual([[1, "DONE"]]);
  expect(cycle.trainedModel).toMatch(/-c1$/);
  // Evaluated with the adapter the Slurm job wrote.
  expect(cycle.evaluations).toHaveLength(1);
  expect(cycle.evaluations[0]).toMatchObject({ total: 8 });

  const trainingRuns = await prisma().trainingRun.findMany({
    where: { cycleId: cycle.id },
    select: { status: true, backendJobId: true, logTail: true, config: true, export: { select: { rowCount: true } } },
  });
  expect(trainingRuns).toHaveLength(1);
  const trained = trainingRuns[0]!;
  expect(trained.status).toBe("SUCCEEDED");
  expect(trained.backendJobId).toMatch(/^\d+$/);
  expect(trained.backendJobId).not.toBe(leftoverJob);
  expect(trained.logTail).toContain("***** Running training *****");
  expect(trained.logTail).toContain(`Num examples = ${trained.export?.rowCount}`);
  const { localOutputDir } = trained.config as { localOutputDir: string };
  expect(readdirSync(localOutputDir)).toContain("adapter_config.json");
  expect(JSON.parse(readFileSync(path.join(localOutputDir, "adapter_config.json"), "utf8"))).toMatchObject({ peft_type: "LORA" });
  // The job's own log, in the backend's working directory, is what the cycle stored.
  const jobLog = readdirSync(cluster.jobsDir).find((file) => file.endsWith(`-${trained.backendJobId}.log`));
  expect(jobLog).toBeDefined();
  expect(readFileSync(path.join(cluster.jobsDir, jobLog!), "utf8")).toContain("***** train metrics *****");

  // The cycle page shows the stored log.
  const [shown] = await cycleTrainingRuns(cycle.id);
  expect(shown).toMatchObject({ status: "SUCCEEDED", logSource: "stored", logUnavailable: null, simulated: false });
  expect(shown?.logTail).toContain("train metrics");
});
