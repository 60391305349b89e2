import type PgBoss from "pg-boss";
import { expect, test } from "vitest";
import { createLogger } from "@/lib/log";
import { logFailedJobs } from "./log-failed-jobs";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", format: "json", write: (line) => lines.push(line) }).child({ component: "worker" });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const job = (id: string): PgBoss.Job<unknown> => ({ id, name: "cycle-generate", data: { batchId: 3 }, expireInSeconds: 60 });

test("a failed job is logged with its queue, id and error, and still fails", async () => {
  const { logger, records } = capture();
  const failure = new Error("backend unreachable");
  const handle = logFailedJobs(logger, async () => {
    throw failure;
  });

  await expect(handle([job("job-1")])).rejects.toBe(failure);
  expect(records()).toEqual([
    expect.objectContaining({
      level: "error",
      msg: "Job failed",
      component: "worker",
      queue: "cycle-generate",
      jobId: "job-1",
      error: expect.objectContaining({ name: "Error", message: "backend unreachable", stack: expect.any(String) }),
    }),
  ]);
});

test("a job that succeeds logs nothing and returns the handler's output", async () => {
  const { logger, records } = capture();
  const handle = logFailedJobs(logger, async () => ({ done: true }));
  expect(await handle([job("job-2")])).toEqual({ done: true });
  expect(records()).toEqual([]);
});
