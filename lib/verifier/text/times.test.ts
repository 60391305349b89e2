import { describe, expect, it } from "vitest";
import { findTimeRanges, findTimestamps, temporalIou } from "@/lib/verifier/text/times";

describe("findTimeRanges", () => {
  it.each([
    ["It happens from 2.1s to 5s.", [2.1, 5], "2.1s to 5s"],
    ["between 2 and 5 seconds", [2, 5], "2 and 5 seconds"],
    ["at 00:02 to 00:05 in the clip", [2, 5], "00:02 to 00:05"],
    ["around 1:02.5–1:04", [62.5, 64], "1:02.5–1:04"],
    ["From 2 to 5, he jumps", [2, 5], "2 to 5"],
    ["lasting 1-2 minutes", [60, 120], "1-2 minutes"],
    ["from 500ms to 1.5 s", [0.5, 1.5], "500ms to 1.5 s"],
  ])("%j", (text, [start, end], written) => {
    const [range] = findTimeRanges(text);
    expect(range).toMatchObject({ startSeconds: start, endSeconds: end, text: written });
    expect(text.slice(range?.start, range?.end)).toBe(written);
  });

  it.each([["2-3 people walk in"], ["steps 1 and 2"], ["from 5 to 2 seconds"], ["no times at all"]])("ignores %j", (text) => {
    expect(findTimeRanges(text)).toEqual([]);
  });
});

describe("findTimestamps", () => {
  it("finds clock times, times with units and numbers after 'at'", () => {
    const text = "At 3.2 seconds he sits; by 00:07 he stands, at 9 he leaves, 4 people watch, 2 min later.";
    expect(findTimestamps(text).map((time) => time.seconds)).toEqual([3.2, 7, 9, 120]);
  });
});

describe("temporalIou", () => {
  it("is intersection over union, 0 when disjoint, 1 for identical instants", () => {
    expect(temporalIou(2, 5, 2, 5)).toBe(1);
    expect(temporalIou(2, 4, 3, 5)).toBeCloseTo(1 / 3, 12);
    expect(temporalIou(0, 1, 2, 3)).toBe(0);
    expect(temporalIou(3, 3, 3, 3)).toBe(1);
  });
});
