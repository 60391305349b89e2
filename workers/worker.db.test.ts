import { afterAll, beforeAll, expect, test } from "vitest";
import type PgBoss from "pg-boss";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { sendJob } from "@/lib/jobs/send-job";
import { processBoss, stopProcessBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { spawnScript, waitFor, type SpawnedScript } from "@/lib/testing/processes";

let boss: PgBoss;
let worker: SpawnedScript;

beforeAll(async () => {
  boss = await processBoss();
  worker = spawnScript("workers/main.ts", { WORKER_GRACE_MS: "2000", LOG_FORMAT: "json", LOG_LEVEL: "info" });
});

afterAll(async () => {
  worker.child.kill("SIGKILL");
  await stopProcessBoss();
  await disconnectPrisma();
});

test("a job sent through pg-boss is done by the worker process", async () => {
  const token = `ping-${Date.now()}`;
  const jobId = await sendJob(boss, "ping", { token });
  expect(jobId).toBeTruthy();

  const job = await waitFor(async () => {
    const found = await boss.getJobById(queues.ping.name, jobId!);
    return found?.state === "completed" ? found : null;
  }, `job ${jobId} to complete (worker output: ${worker.output()})`);

  expect(job.output).toMatchObject({ token });
});

test("a job that fails is logged as one JSON line with its queue, id and error", async () => {
  // A payload the ping handler's schema refuses (sent around sendJob, which would refuse it too).
  const jobId = await boss.send(queues.ping.name, { token: "" });
  expect(jobId).toBeTruthy();
  await waitFor(async () => (await boss.getJobById(queues.ping.name, jobId!))?.state === "failed", `job ${jobId} to fail`);

  const logged = await waitFor(
    async () =>
      worker
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((event) => event.jobId === jobId),
    `the failure of ${jobId} in the worker's output: ${worker.output()}`,
  );
  expect(logged).toMatchObject({
    level: "error",
    msg: "Job failed",
    component: "worker",
    queue: queues.ping.name,
    error: { message: expect.stringContaining("invalid payload") },
  });
});

test("the worker beats its heartbeat row, and SIGTERM stops it cleanly", async () => {
  const alive = await waitFor(
    () => prisma().workerHeartbeat.findFirst({ where: { status: "running", pid: worker.child.pid! } }),
    "a running heartbeat row",
  );
  expect(alive.queues).toContain(queues.ping.name);

  worker.child.kill("SIGTERM");
  expect(await worker.exited).toBe(0);
  const after = await prisma().workerHeartbeat.findUniqueOrThrow({ where: { id: alive.id } });
  expect(after.status).toBe("stopped");
});
