// npm run worker — takes jobs from every queue until SIGINT/SIGTERM. Run as many as you like, on
// as many machines as share the database.
import { openDatabaseServer } from "@/lib/db/database-server";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closePool } from "@/lib/db/pool";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { log } from "@/lib/log";
import { startWorker } from "./worker";

// Signals are handled from the first moment, so a stop during start-up still shuts down cleanly.
let stopRequested: string | null = null;
let shutdown: ((signal: string) => Promise<void>) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopRequested ??= signal;
    void shutdown?.(signal);
  });
}

// pg-boss records a job's end without awaiting it: while the database is down that write fails
// unobserved, which must not end the process (the job is found unfinished and handed out again).
process.on("unhandledRejection", (reason) => {
  if (isDatabaseUnavailable(reason)) {
    log.warn("A write failed while the database was unreachable", { component: "worker", error: reason });
    return;
  }
  log.error("Unhandled rejection; stopping", { component: "worker", error: reason });
  process.exit(1);
});

const server = await openDatabaseServer();
process.env.DATABASE_URL = server.url;
const worker = await startWorker(server.url);

let stopping = false;
shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: finishing the jobs in hand`, { component: "worker", workerId: worker.id });
  await worker.stop(Number(process.env.WORKER_GRACE_MS ?? 30_000));
  await disconnectPrisma();
  await closePool();
  await server.close();
  process.exit(0);
};
if (stopRequested) await shutdown(stopRequested);
