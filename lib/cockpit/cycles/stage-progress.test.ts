import { describe, expect, test } from "vitest";
import { stageProgress, type StageAggregate } from "./stage-progress";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function aggregate(partial: Partial<StageAggregate> & Pick<StageAggregate, "stage">): StageAggregate {
  return {
    batches: 1,
    pending: 0,
    running: 0,
    done: 0,
    failed: 0,
    items: 0,
    doneItems: 0,
    errorItems: 0,
    lastError: null,
    firstCreatedAt: t0,
    lastFinishedAt: null,
    lastBatchStatus: "PENDING",
    ...partial,
  };
}

describe("stage progress", () => {
  test("a running stage has a rate since it started and an ETA for what remains", () => {
    const stages = stageProgress(
      "GENERATING",
      null,
      [aggregate({ stage: "GENERATE", batches: 4, done: 1, running: 3, items: 400, doneItems: 100 })],
      at(50),
    );
    const generate = stages.find((stage) => stage.stage === "GENERATE")!;
    expect(generate).toMatchObject({ state: "running", fraction: 0.25, ratePerSecond: 2, etaSeconds: 150 });
    expect(stages.find((stage) => stage.stage === "VERIFY")?.state).toBe("waiting");
  });

  test("a finished stage's rate stops at its last batch; later stages without batches are waiting, passed ones skipped", () => {
    const stages = stageProgress(
      "CURATING",
      null,
      [
        aggregate({ stage: "GENERATE", done: 1, items: 100, doneItems: 100, lastFinishedAt: at(20) }),
        aggregate({ stage: "VERIFY", done: 1, items: 100, doneItems: 100, firstCreatedAt: at(20), lastFinishedAt: at(30) }),
      ],
      at(500),
    );
    expect(stages.map((stage) => [stage.stage, stage.state])).toEqual([
      ["GENERATE", "done"],
      ["VERIFY", "done"],
      ["RATIONALIZE", "skipped"],
      ["CURATE", "waiting"],
      ["EXPORT", "waiting"],
      ["TRAIN", "waiting"],
      ["EVALUATE", "waiting"],
    ]);
    expect(stages[0]).toMatchObject({ ratePerSecond: 5, etaSeconds: 0 });
    expect(stages[1]?.ratePerSecond).toBe(10);
  });

  test("a failed batch fails the stage; a cancelled cycle shows where it stopped", () => {
    const stages = stageProgress(
      "CANCELLED",
      "VERIFYING",
      [
        aggregate({ stage: "GENERATE", done: 1, items: 10, doneItems: 10 }),
        aggregate({ stage: "VERIFY", failed: 1, items: 10, doneItems: 3, lastError: "boom" }),
      ],
      at(10),
    );
    expect(stages[1]).toMatchObject({ state: "failed", lastError: "boom" });
    expect(stages[2]?.state).toBe("waiting");
  });

  test("training is judged by its latest attempt: a failed first try retried successfully is done", () => {
    const stages = stageProgress(
      "EVALUATING",
      null,
      [aggregate({ stage: "TRAIN", batches: 2, done: 1, failed: 1, items: 2, doneItems: 1, lastError: "OOM", lastBatchStatus: "DONE" })],
      at(10),
    );
    expect(stages.find((stage) => stage.stage === "TRAIN")).toMatchObject({ state: "done", fraction: 1, lastError: null, batches: 2 });
    const running = stageProgress(
      "TRAINING",
      null,
      [aggregate({ stage: "TRAIN", batches: 2, failed: 1, running: 1, items: 2, lastError: "OOM", lastBatchStatus: "RUNNING" })],
      at(10),
    );
    expect(running.find((stage) => stage.stage === "TRAIN")).toMatchObject({ state: "running", fraction: 0, lastError: "OOM" });
  });

  test("nothing done yet: no rate, no ETA", () => {
    const [generate] = stageProgress("GENERATING", null, [aggregate({ stage: "GENERATE", pending: 1, items: 10 })], at(10));
    expect(generate).toMatchObject({ state: "pending", ratePerSecond: null, etaSeconds: null, fraction: 0 });
  });
});
