import { expect, test } from "vitest";
import { completeSampling, samplingSchema } from "./types";

test("complete settings are taken as the schema would give them back", () => {
  for (const sampling of [
    { temperature: 0.2, maxTokens: 1024 },
    { temperature: 0, maxTokens: 1, seed: 7 },
    { temperature: 2, maxTokens: 32_768, seed: -3 },
  ]) {
    expect(completeSampling(sampling)).toEqual(samplingSchema.parse(sampling));
  }
});

// Each needs the schema: a default to fill in, or a value it refuses (and explains).
const leftToTheSchema: [string, Parameters<typeof completeSampling>[0]][] = [
  ["nothing given", undefined],
  ["no temperature", { maxTokens: 10 }],
  ["no maxTokens", { temperature: 0.5 }],
  ["temperature above 2", { temperature: 2.5, maxTokens: 10 }],
  ["temperature NaN", { temperature: Number.NaN, maxTokens: 10 }],
  ["maxTokens 0", { temperature: 0.5, maxTokens: 0 }],
  ["maxTokens fractional", { temperature: 0.5, maxTokens: 10.5 }],
  ["maxTokens above the limit", { temperature: 0.5, maxTokens: 32_769 }],
  ["seed fractional", { temperature: 0.5, maxTokens: 10, seed: 1.5 }],
];

test.each(leftToTheSchema)("settings with %s are left to the schema", (_, sampling) => {
  expect(completeSampling(sampling)).toBeUndefined();
});
