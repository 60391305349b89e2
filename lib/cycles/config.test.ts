import { describe, expect, test } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { parseCycleConfig } from "./config";
import { ANSWER_PROMPT, RATIONALIZATION_PROMPT, renderPrompt } from "./prompts";

describe("cycle configuration", () => {
  test("defaults are the paper's", () => {
    const config = parseCycleConfig({ datasets: [{ dataset: "Kinetics" }] });
    expect(config.prompts).toEqual({ answer: ANSWER_PROMPT, rationalization: RATIONALIZATION_PROMPT });
    expect(config.sampling).toEqual({ temperature: 0.2, maxTokens: 1024, samplesPerQuestion: 1 });
    expect(config.verifier).toEqual({ preset: "paper", overrides: {} });
    expect(config.rationalization.enabled).toBe(true);
    expect(config.training.hyperparameters).toMatchObject({
      epochs: 1,
      effectiveBatchSize: 128,
      learningRate: 2e-5,
      lrScheduler: "cosine",
      warmupRatio: 0.03,
      optimizer: "adamw_torch",
    });
    expect(config.stopRule).toEqual({ maxCycles: 2, minYieldGain: 0.01 });
    expect(config.datasets[0]).toEqual({ dataset: "Kinetics", sampleSize: null, splits: ["train"] });
    expect(config.evaluation).toEqual({ enabled: true, sampleSize: 200, splits: ["test", "val"] });
    // Training records as the released code writes them; no instruction data unless asked for.
    expect(config.training.userTurn).toBe("question");
    expect(config.training.instructionData).toBeUndefined();
  });

  test("instruction data is an absolute file and a share strictly between 0 and 1", () => {
    const withData = (instructionData: unknown) => parseCycleConfig({ datasets: [{ dataset: 1 }], training: { instructionData } });
    expect(withData({ file: "/data/llava_v1_5_mix665k.json", share: 0.5 }).training.instructionData).toEqual({
      file: "/data/llava_v1_5_mix665k.json",
      share: 0.5,
    });
    expect(() => withData({ file: "relative.json", share: 0.5 })).toThrow(/training\.instructionData\.file: must be an absolute path/);
    expect(() => withData({ file: "/a.json", share: 1 })).toThrow(/training\.instructionData\.share: must be below 1/);
    expect(() => withData({ file: "/a.json", share: 0 })).toThrow(/training\.instructionData\.share: must be above 0/);
  });

  test("the prompts are appendix A's, verbatim", () => {
    expect(ANSWER_PROMPT).toBe("Question: {Q}.\nCan you explain step-by-step how one can arrive at this conclusion?");
    expect(RATIONALIZATION_PROMPT).toBe("Question: {Q}\nAnswer: {L}.\nCan you explain step-by-step how one can arrive at this conclusion?");
    expect(renderPrompt(RATIONALIZATION_PROMPT, { question: "What is he doing?", label: "eating {Q} pie" })).toBe(
      "Question: What is he doing?\nAnswer: eating {Q} pie.\nCan you explain step-by-step how one can arrive at this conclusion?",
    );
  });

  test("bad input names the field and the reason", () => {
    expect(() => parseCycleConfig({ datasets: [] })).toThrow(/datasets: choose at least one dataset/);
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1, sampleSize: 0 }] })).toThrow(/datasets\.0\.sampleSize/);
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1 }], sampling: { temperature: 3 } })).toThrow(/sampling\.temperature/);
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1 }], prompts: { answer: "no placeholder" } })).toThrow(
      /prompts\.answer: must contain \{Q\}/,
    );
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1 }], prompts: { rationalization: "Question: {Q}" } })).toThrow(
      /prompts\.rationalization: must contain \{L\}/,
    );
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1 }], verifier: { overrides: { keyword: { treshold: 0.9 } } } })).toThrow(
      /verifier\.overrides/,
    );
    expect(() => parseCycleConfig({ datasets: [{ dataset: 1 }], typo: true })).toThrow(/typo/);
  });

  test("bad input is an invalid-input domain error with one issue per field, or none when the whole is at fault", () => {
    const fieldsAtFault = errorOf(() => parseCycleConfig({ datasets: [{ dataset: 1, sampleSize: 0 }], sampling: { temperature: 3 } }));
    expect(fieldsAtFault).toMatchObject({ kind: "invalid-input" });
    expect(fieldsAtFault.issues?.map((issue) => issue.field)).toEqual(["datasets.0.sampleSize", "sampling.temperature"]);
    const wholeAtFault = errorOf(() => parseCycleConfig({ datasets: [{ dataset: 1 }], typo: true }));
    expect(wholeAtFault).toMatchObject({ kind: "invalid-input", issues: undefined });
    expect(wholeAtFault.message).toMatch(/\(root\): .*typo/);
  });
});

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}
