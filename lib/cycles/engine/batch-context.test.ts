import { getEventListeners } from "node:events";
import { expect, test } from "vitest";
import type { ClaimedBatch } from "../db/batch-repository";
import { BatchRun } from "./batch-context";

const batch = { id: 1 } as unknown as ClaimedBatch;

test("batch after batch on one worker signal leaves no listener behind, and no MaxListenersExceededWarning", async () => {
  const worker = new AbortController();
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    for (let job = 0; job < 50; job += 1) new BatchRun(batch, worker.signal).release();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", onWarning);
  }
  expect(getEventListeners(worker.signal, "abort")).toHaveLength(0);
  expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
});

test("a batch still at work stops when the worker stops", () => {
  const worker = new AbortController();
  const run = new BatchRun(batch, worker.signal);
  worker.abort();
  expect(run.stopped).toBe(true);
  expect(run.stopReason).toBe("the worker is stopping");
});
