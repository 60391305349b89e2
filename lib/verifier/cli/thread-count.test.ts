import { describe, expect, it } from "vitest";
import { threadsForIdleCores } from "@/lib/verifier/cli/thread-count";

describe("threadsForIdleCores", () => {
  it.each([
    // cores, load average, running now (this process included), threads
    [2, 0.1, 1, 2],
    [2, 0.9, 1, 2],
    [2, 1.2, 3, 1],
    [2, 15, 18, 1],
    // A load average still high from a job that has just ended: the cores are idle now.
    [2, 1.6, 1, 2],
    // A moment's burst of running tasks on a machine that has been idle.
    [8, 0.5, 9, 8],
    [8, 3.4, 6, 5],
    [8, 3.4, undefined, 5],
    [4, 40, undefined, 1],
  ])("%i cores, load %f, %s running → %i", (cores, load, running, threads) => {
    expect(threadsForIdleCores(cores, load, running)).toBe(threads);
  });
});
