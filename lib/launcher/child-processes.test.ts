import { afterEach, expect, test, vi } from "vitest";
import { createLogger } from "@/lib/log";
import { STABLE_RUN_MS, Supervisor, restartDelayMs } from "./child-processes";

afterEach(() => {
  vi.useRealTimers();
});

function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const logger = createLogger({
    level: "info",
    format: "json",
    write: (line) => {
      const event = JSON.parse(line) as { level: string; msg: string };
      lines.push({ level: event.level, msg: event.msg });
    },
  });
  return { lines, logger };
}

/** Something that runs until `end()` is called; `runs` counts how often it was started. */
function runnable() {
  let finish: (how: string) => void = () => {};
  const state = {
    runs: 0,
    start() {
      state.runs += 1;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    },
    end(how: string) {
      finish(how);
    },
  };
  return state;
}

test("the restart back-off doubles from 1 s to at most 30 s", () => {
  expect([1, 2, 3, 4, 5, 6, 7].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
});

test("what ends on its own is started again after a growing back-off, each end and restart logged; stop() ends it", async () => {
  vi.useFakeTimers();
  const { lines, logger } = recordingLogger();
  const worker = runnable();
  const supervisor = new Supervisor("worker", logger);
  supervisor.watch(worker.start(), async () => ({ ended: worker.start() }));

  worker.end("was killed (SIGKILL)");
  await vi.advanceTimersByTimeAsync(999);
  expect(worker.runs).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(worker.runs).toBe(2);

  // Ended again at once: the next wait is twice as long.
  worker.end("exited with code 1");
  await vi.advanceTimersByTimeAsync(1_999);
  expect(worker.runs).toBe(2);
  await vi.advanceTimersByTimeAsync(1);
  expect(worker.runs).toBe(3);

  // After a long, healthy run the back-off starts over.
  await vi.advanceTimersByTimeAsync(STABLE_RUN_MS);
  worker.end("was killed (SIGKILL)");
  await vi.advanceTimersByTimeAsync(1_000);
  expect(worker.runs).toBe(4);

  expect(lines).toEqual([
    { level: "error", msg: "worker was killed (SIGKILL); starting it again in 1 s" },
    { level: "info", msg: "worker started again" },
    { level: "error", msg: "worker exited with code 1; starting it again in 2 s" },
    { level: "info", msg: "worker started again" },
    { level: "error", msg: "worker was killed (SIGKILL); starting it again in 1 s" },
    { level: "info", msg: "worker started again" },
  ]);

  // Stopped (Ctrl-C): its end is expected and nothing is started again.
  supervisor.stop();
  worker.end("exited with code 0");
  await vi.advanceTimersByTimeAsync(60_000);
  expect(worker.runs).toBe(4);
  expect(lines).toHaveLength(6);
});

test("a child that ends just before the launcher is stopped (one Ctrl-C for both) is not called a crash nor started again", async () => {
  vi.useFakeTimers();
  const { lines, logger } = recordingLogger();
  const simulator = runnable();
  const supervisor = new Supervisor("sim", logger);
  supervisor.watch(simulator.start(), async () => ({ ended: simulator.start() }));
  simulator.end("exited with code 0");
  await vi.advanceTimersByTimeAsync(100);
  supervisor.stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(simulator.runs).toBe(1);
  expect(lines).toEqual([]);
});

test("a restart that fails counts as an end, and is tried again later", async () => {
  vi.useFakeTimers();
  const { lines, logger } = recordingLogger();
  const database = runnable();
  let failures = 1;
  const supervisor = new Supervisor("PostgreSQL", logger);
  supervisor.watch(database.start(), async () => {
    if (failures-- > 0) throw new Error("the shared memory block is still in use");
    return { ended: database.start() };
  });
  database.end("exited (SIGKILL)");
  await vi.advanceTimersByTimeAsync(1_000 + 2_000);
  expect(database.runs).toBe(2);
  expect(lines.map((line) => line.msg)).toEqual([
    "PostgreSQL exited (SIGKILL); starting it again in 1 s",
    "PostgreSQL could not start again (the shared memory block is still in use); starting it again in 2 s",
    "PostgreSQL started again",
  ]);
  supervisor.stop();
});
