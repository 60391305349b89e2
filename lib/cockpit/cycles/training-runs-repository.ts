import { createTrainingBackend } from "@/lib/backends";
import { prisma } from "@/lib/db/prisma";
import { resolveBackendConfig } from "@/lib/backends/registry/backend-runtime";

export interface TrainingRunView {
  id: number;
  attempt: number;
  status: string;
  backendName: string | null;
  backendJobId: string | null;
  simulated: boolean;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  resultCheckpoint: string | null;
  /** The last lines of the job's log: live from the backend while it runs, else as last stored. */
  logTail: string | null;
  logSource: "backend" | "stored" | "none";
  logError: string | null;
  /** Why the log cannot be shown at all (e.g. Slurm writes it where this app cannot read). */
  logUnavailable: string | null;
}

const TAIL_LINES = 40;

/** The cycle's training runs, newest attempt first; the running one's log read live from its backend. */
export async function cycleTrainingRuns(cycleId: number, options: { live?: boolean } = {}): Promise<TrainingRunView[]> {
  const runs = await prisma().trainingRun.findMany({
    where: { cycleId },
    orderBy: { attempt: "desc" },
    select: {
      id: true,
      attempt: true,
      status: true,
      backendJobId: true,
      logTail: true,
      error: true,
      startedAt: true,
      finishedAt: true,
      backend: {
        select: { name: true, role: true, protocol: true, baseUrl: true, config: true, secretCiphertext: true, isSimulator: true },
      },
      resultCheckpoint: { select: { servedName: true } },
    },
  });
  return Promise.all(
    runs.map(async (run) => {
      const stored = run.logTail ? tail(run.logTail) : null;
      let logTail = stored;
      let logSource: TrainingRunView["logSource"] = stored ? "stored" : "none";
      let logError: string | null = null;
      let logUnavailable: string | null = null;
      if (run.backend && run.backendJobId) {
        const live = options.live !== false && (run.status === "RUNNING" || run.status === "PENDING");
        try {
          const resolved = resolveBackendConfig(run.backend);
          if (resolved.role === "TRAINING") {
            const backend = createTrainingBackend({ ...resolved.config, retries: { max: 0 } });
            logUnavailable = backend.logsUnavailable?.(run.backendJobId) ?? null;
            if (live && !logUnavailable) {
              logTail = tail(await backend.logs(run.backendJobId));
              logSource = "backend";
            }
          }
        } catch (error) {
          if (live) logError = error instanceof Error ? error.message : String(error);
        }
      }
      return {
        id: run.id,
        attempt: run.attempt,
        status: run.status,
        backendName: run.backend?.name ?? null,
        backendJobId: run.backendJobId,
        simulated: run.backend?.isSimulator ?? false,
        error: run.error,
        startedAt: run.startedAt?.toISOString() ?? null,
        finishedAt: run.finishedAt?.toISOString() ?? null,
        resultCheckpoint: run.resultCheckpoint?.servedName ?? null,
        logTail,
        logSource,
        logError,
        logUnavailable,
      };
    }),
  );
}

function tail(text: string, lines = TAIL_LINES): string {
  return text.split("\n").slice(-lines).join("\n");
}
