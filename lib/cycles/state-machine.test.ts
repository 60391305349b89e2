import { describe, expect, test } from "vitest";
import { answerYieldOver } from "./answer-yield";
import {
  canTransition,
  finishedStatus,
  isFinished,
  isTerminal,
  nextStatus,
  resumeStatus,
  STAGES_OF,
  type CycleStatus,
} from "./state-machine";
import { decideFinal } from "./stop-rule";

function walk(options: { rationalize: boolean; evaluate: boolean }): CycleStatus[] {
  const path: CycleStatus[] = ["DRAFT"];
  while (path[path.length - 1] !== "DONE") path.push(nextStatus(path[path.length - 1]!, options));
  return path;
}

describe("state machine", () => {
  test("a training cycle goes through every stage", () => {
    expect(walk({ rationalize: true, evaluate: true })).toEqual([
      "DRAFT",
      "GENERATING",
      "VERIFYING",
      "RATIONALIZING",
      "CURATING",
      "TRAINING",
      "EVALUATING",
      "DONE",
    ]);
  });

  test("the final cycle skips rationalization; evaluation can be turned off", () => {
    expect(walk({ rationalize: false, evaluate: false })).toEqual(["DRAFT", "GENERATING", "VERIFYING", "CURATING", "TRAINING", "DONE"]);
  });

  test("moves are forward only, or to failed / cancelled from an active status", () => {
    const options = { rationalize: true, evaluate: true };
    expect(canTransition("GENERATING", "VERIFYING", options)).toBe(true);
    expect(canTransition("GENERATING", "TRAINING", options)).toBe(false);
    expect(canTransition("TRAINING", "CANCELLED", options)).toBe(true);
    expect(canTransition("DONE", "FAILED", options)).toBe(false);
    expect(() => nextStatus("FAILED", options)).toThrow(/no next status/);
  });

  test("curating covers curate and export; a stopped cycle resumes where it stopped", () => {
    expect(STAGES_OF.CURATING).toEqual(["CURATE", "EXPORT"]);
    expect(resumeStatus("TRAINING")).toBe("TRAINING");
    expect(resumeStatus(undefined)).toBe("DRAFT");
  });
});

describe("stop rule", () => {
  const rule = { maxCycles: 3, minYieldGain: 0.02 };
  test("the last allowed cycle is final", () => {
    expect(decideFinal(rule, { index: 3, answerYield: 0.9, previousAnswerYield: 0.5 }).isFinal).toBe(true);
  });
  test("a cycle whose yield grew too little is final; enough growth goes on", () => {
    expect(decideFinal(rule, { index: 2, answerYield: 0.51, previousAnswerYield: 0.5 })).toMatchObject({
      isFinal: true,
      reason: expect.stringMatching(/less than the minimum gain/),
    });
    expect(decideFinal(rule, { index: 2, answerYield: 0.6, previousAnswerYield: 0.5 }).isFinal).toBe(false);
    expect(decideFinal(rule, { index: 1, answerYield: 0.1, previousAnswerYield: null }).isFinal).toBe(false);
  });
});

describe("how a cycle that went through every stage ends", () => {
  test("given-up items make it done with errors, never plain done", () => {
    expect(finishedStatus(0)).toBe("DONE");
    expect(finishedStatus(3)).toBe("DONE_WITH_ERRORS");
    expect(isTerminal("DONE_WITH_ERRORS")).toBe(true);
    expect(isFinished("DONE_WITH_ERRORS")).toBe(true);
    expect(canTransition("EVALUATING", "DONE_WITH_ERRORS", { rationalize: false, evaluate: true })).toBe(true);
    expect(canTransition("GENERATING", "DONE_WITH_ERRORS", { rationalize: false, evaluate: true })).toBe(false);
    expect(canTransition("DONE_WITH_ERRORS", "FAILED", { rationalize: false, evaluate: true })).toBe(false);
  });
});

describe("answer yield", () => {
  test("is over the questions answered; the ones the backend never answered stand beside it", () => {
    // 31 questions drawn, 14 answered (17 given up after backend failures), 6 of them passed.
    const result = answerYieldOver(31, [{ answered: 14, answerPassed: 6, simulated: true }]);
    expect(result).toEqual({ answerYield: 6 / 14, questions: 31, answered: 14, givenUp: 17, passed: 6, simulated: true });
    expect(answerYieldOver(5, []).answerYield).toBeNull();
  });
});
