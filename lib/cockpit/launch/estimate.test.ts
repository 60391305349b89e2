import { describe, expect, test } from "vitest";
import { estimateLaunch, type BackendHistory, type EstimateSettings } from "./estimate";

const settings: EstimateSettings = { samplesPerQuestion: 1, maxTokens: 1024, maxCycles: 2, rationalization: true, evaluation: true };
const noHistory: BackendHistory = {
  generations: 0,
  answerYield: null,
  promptTokensPerGeneration: null,
  completionTokensPerGeneration: null,
  generationsPerSecond: null,
  meanLatencyMs: null,
  maxConcurrency: 8,
  trainingSeconds: null,
};
const datasets = [
  { name: "kinetics", questions: 100, evaluationQuestions: 20 },
  { name: "star", questions: 50, evaluationQuestions: 10 },
];

describe("launch estimate", () => {
  test("counts answers, rationalizations (training cycles only) and evaluations", () => {
    const estimate = estimateLaunch(datasets, { ...settings, samplesPerQuestion: 2 }, { ...noHistory, answerYield: 0.6 });
    expect(estimate.perCycle).toEqual({ answers: 300, rationalizationsExpected: 60, rationalizationsMax: 150, evaluations: 30 });
    // 2 cycles × (300 + 30) + 1 rationalizing cycle × 60 (expected) / 150 (max)
    expect(estimate.generations).toEqual({ expected: 720, max: 810 });
    expect(estimate.tokens.completionMax).toBe(810 * 1024);
  });

  test("without history, only bounds are known and the notes say so", () => {
    const estimate = estimateLaunch(datasets, settings, { ...noHistory, maxConcurrency: null });
    expect(estimate.tokens.prompt).toBeNull();
    expect(estimate.duration.seconds).toBeNull();
    expect(estimate.notes.join(" ")).toMatch(/assumed 50 %/);
    expect(estimate.notes.join(" ")).toMatch(/training time is not included/);
  });

  test("tokens and time come from measured throughput", () => {
    const history = {
      ...noHistory,
      generations: 500,
      answerYield: 0.5,
      promptTokensPerGeneration: 300,
      completionTokensPerGeneration: 150,
      generationsPerSecond: 10,
      trainingSeconds: 60,
    };
    const estimate = estimateLaunch(datasets, settings, history);
    const expected = 2 * (150 + 30) + 75;
    expect(estimate.generations.expected).toBe(expected);
    expect(estimate.tokens).toMatchObject({ prompt: expected * 300, completion: expected * 150 });
    expect(estimate.duration.generationSeconds).toBeCloseTo(expected / 10);
    expect(estimate.duration.seconds).toBeCloseTo(expected / 10 + 2 * 60);
  });

  test("latency and the concurrency limit stand in when no stage throughput was measured", () => {
    const estimate = estimateLaunch(
      datasets,
      { ...settings, rationalization: false, evaluation: false, maxCycles: 1 },
      { ...noHistory, meanLatencyMs: 2000, maxConcurrency: 8 },
    );
    expect(estimate.duration.generationsPerSecond).toBe(4);
    expect(estimate.duration.generationSeconds).toBe(150 / 4);
    expect(estimate.duration.basis).toMatch(/latency/);
  });

  test("an empty selection is pointed out", () => {
    expect(estimateLaunch([], settings, noHistory).notes.join(" ")).toMatch(/covers no questions/);
  });
});
