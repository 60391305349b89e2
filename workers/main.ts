// npm run worker — takes jobs from every queue until SIGINT/SIGTERM. Run as many as you like, on
// as many machines as share the database.
import { openDatabaseServer } from "@/lib/db/database-server";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closePool } from "@/lib/db/pool";
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
