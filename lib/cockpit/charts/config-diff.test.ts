import { describe, expect, test } from "vitest";
import { diffConfigs } from "./config-diff";

describe("config diff", () => {
  test("reports changed, added and removed leaves by path", () => {
    const a = { sampling: { temperature: 0.2, maxTokens: 1024 }, prompts: { answer: "Explain." }, datasets: [1, 2] };
    const b = { sampling: { temperature: 0.7, maxTokens: 1024 }, prompts: { answer: "Explain.", extra: "x" }, datasets: [1, 2] };
    expect(diffConfigs(a, b)).toEqual([
      { path: "prompts.extra", a: null, b: "x" },
      { path: "sampling.temperature", a: 0.2, b: 0.7 },
    ]);
  });

  test("arrays are compared whole, objects inside them without regard to key order", () => {
    expect(diffConfigs({ d: [{ x: 1, y: 2 }] }, { d: [{ y: 2, x: 1 }] })).toEqual([]);
    expect(diffConfigs({ d: [1, 2] }, { d: [2, 1] })).toEqual([{ path: "d", a: [1, 2], b: [2, 1] }]);
  });

  test("identical or both-missing values give nothing; a type change is one difference", () => {
    expect(diffConfigs({ a: 1 }, { a: 1 })).toEqual([]);
    expect(diffConfigs({ a: { b: 1 } }, { a: 3 })).toEqual([{ path: "a", a: { b: 1 }, b: 3 }]);
  });
});
