import { describe, expect, test } from "vitest";
import { runEndSentence, webhookBody, type RunEnd } from "./payload";

const end = (over: Partial<RunEnd> = {}): RunEnd => ({
  runId: 7,
  runName: "K700 + STAR",
  event: "DONE",
  cycleIndex: 2,
  givenUpItems: 0,
  error: null,
  simulated: false,
  ...over,
});

describe("runEndSentence", () => {
  test("says how each end went, with the run's name", () => {
    expect(runEndSentence(end())).toBe("Run “K700 + STAR” is done after 2 cycles.");
    expect(runEndSentence(end({ event: "NEEDS_ATTENTION", cycleIndex: 1, givenUpItems: 1 }))).toBe(
      "Run “K700 + STAR” finished after 1 cycle but needs attention: 1 item was given up.",
    );
    expect(runEndSentence(end({ event: "FAILED", error: "training: the cluster refused the job" }))).toBe(
      "Run “K700 + STAR” failed in cycle 2: training: the cluster refused the job",
    );
    expect(runEndSentence(end({ event: "CANCELLED", cycleIndex: 1 }))).toBe("Run “K700 + STAR” was cancelled in cycle 1.");
  });

  test("a run on the simulator says it is simulated", () => {
    expect(runEndSentence(end({ simulated: true }))).toBe("Run “K700 + STAR” (simulated) is done after 2 cycles.");
  });

  test("a long failure is cut, not the sentence", () => {
    const sentence = runEndSentence(end({ event: "FAILED", error: "x".repeat(1000) }));
    expect(sentence.length).toBeLessThan(260);
    expect(sentence.endsWith("…")).toBe(true);
  });
});

test("the webhook body is JSON a Slack incoming webhook shows: `text` with the sentence and the link", () => {
  const body = webhookBody(
    {
      id: 3,
      runId: 7,
      runName: "K700 + STAR",
      cycleId: 12,
      event: "NEEDS_ATTENTION",
      text: "Run “K700 + STAR” (simulated) finished after 2 cycles but needs attention: 4 items were given up.",
      simulated: true,
      createdAt: new Date("2026-12-08T01:02:03Z"),
    },
    "https://studio.example.org",
  );
  expect(JSON.parse(JSON.stringify(body))).toEqual({
    text: "Run “K700 + STAR” (simulated) finished after 2 cycles but needs attention: 4 items were given up. https://studio.example.org/cycles/12",
    event: "run.needs_attention",
    run: { id: 7, name: "K700 + STAR", status: "DONE", cycleId: 12, url: "https://studio.example.org/cycles/12", simulated: true },
    notificationId: 3,
    endedAt: "2026-12-08T01:02:03.000Z",
  });
});
