/**
 * `npm run cycle -- --config cycle.json` (or `--demo`): launches a run of Video-STaR cycles for the
 * workers of `npm start` / `npm run worker` (same database), draws a progress bar per stage until
 * the run ends, and exits 0 when it is done, 1 when it failed or was cancelled.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { openDatabaseServer } from "@/lib/db/database-server";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { jobSender, launchRun, nudgeCycle, runStatus } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { liveWorkerCount } from "@/lib/cycles/db/catalog-repository";
import { demoCycleConfig } from "@/lib/cycles/demo-config";
import { progressLines } from "@/lib/cycles/progress-bars";

const USAGE = `Usage: npm run cycle -- --config cycle.json | --demo [--detach]
  --config FILE  a cycle configuration (JSON; see lib/cycles/README.md)
  --demo         the demo datasets against the simulator backends
  --detach       launch and exit without waiting`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      demo: { type: "boolean", default: false },
      detach: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.demo && !values.config) {
    console.error(USAGE);
    return 2;
  }
  const server = await openDatabaseServer();
  process.env.DATABASE_URL = server.url;
  try {
    const config = values.demo ? await demoCycleConfig() : await readConfig(values.config!);
    const jobs = await jobSender();
    const { runId } = await launchRun(config, SYSTEM_ACTOR);
    console.log(`Launched run ${runId}.`);
    if ((await liveWorkerCount()) === 0)
      console.log("No worker is running yet: start `npm start` or `npm run worker` on this database; the run waits for it.");
    if (values.detach) return 0;
    return await follow(runId, (cycleId) => nudgeCycle(cycleId, jobs));
  } finally {
    await stopProcessBoss();
    await disconnectPrisma();
    await closePool();
    await server.close();
  }
}

async function readConfig(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new Error(`cannot read ${file}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Redraws the progress until the run ends; nudges its cycle so a lost tick never stalls it. */
async function follow(runId: number, nudge: (cycleId: number) => Promise<void>): Promise<number> {
  const interactive = process.stdout.isTTY === true;
  let drawn = 0;
  let previous = "";
  for (;;) {
    const status = await runStatus(runId);
    if (!status) throw new Error(`run ${runId} disappeared`);
    const lines = progressLines(status);
    const text = lines.join("\n");
    if (interactive) {
      if (drawn > 0) process.stdout.write(`\u001b[${drawn}A\u001b[J`);
      process.stdout.write(`${text}\n`);
      drawn = lines.length;
    } else if (text !== previous) {
      console.log(text);
    }
    previous = text;
    if (status.status !== "ACTIVE") return status.status === "DONE" ? 0 : 1;
    const current = status.cycles[status.cycles.length - 1];
    if (current) await nudge(current.id).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

process.on("SIGINT", () => {
  console.log("\nStopped watching; the run goes on (cancel it with POST /api/cycles/<id>/cancel).");
  process.exit(130);
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`cycle: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
