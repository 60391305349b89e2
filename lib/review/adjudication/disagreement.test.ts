import { describe, expect, test } from "vitest";
import { disagreementsOf, spansAgree } from "./disagreement";

const span = (start: number, end: number) => ({ start, end });

describe("spansAgree", () => {
  test("no spans on either side agree; spans on one side only disagree", () => {
    expect(spansAgree([], [])).toBe(true);
    expect(spansAgree([span(0, 5)], [])).toBe(false);
    expect(spansAgree([], [span(0, 5)])).toBe(false);
  });

  test("overlapping spans agree, touching or apart ones do not", () => {
    expect(spansAgree([span(0, 10)], [span(9, 20)])).toBe(true);
    expect(spansAgree([span(0, 10), span(30, 40)], [span(35, 36)])).toBe(true);
    expect(spansAgree([span(0, 10)], [span(10, 20)])).toBe(false);
    expect(spansAgree([span(0, 10)], [span(50, 60)])).toBe(false);
  });
});

describe("disagreementsOf", () => {
  test("one rater cannot disagree", () => {
    expect(disagreementsOf([{ verdict: "HALLUCINATED", spans: [span(0, 4)] }])).toEqual([]);
  });

  test("different verdicts, with the same spans, disagree by verdict only", () => {
    expect(
      disagreementsOf([
        { verdict: "HALLUCINATED", spans: [span(0, 4)] },
        { verdict: "PARTLY_CORRECT", spans: [span(2, 6)] },
      ]),
    ).toEqual(["verdict"]);
  });

  test("the same verdict with spans that never overlap disagrees by spans", () => {
    expect(
      disagreementsOf([
        { verdict: "HALLUCINATED", spans: [span(0, 4)] },
        { verdict: "HALLUCINATED", spans: [span(20, 30)] },
      ]),
    ).toEqual(["spans"]);
  });

  test("three raters: one pair apart is enough; a missing verdict is not a verdict of its own", () => {
    expect(
      disagreementsOf([
        { verdict: "CORRECT", spans: [] },
        { verdict: "CORRECT", spans: [] },
        { verdict: null, spans: [span(1, 2)] },
      ]),
    ).toEqual(["spans"]);
    expect(
      disagreementsOf([
        { verdict: "CORRECT", spans: [] },
        { verdict: "HALLUCINATED", spans: [span(1, 2)] },
        { verdict: "CORRECT", spans: [] },
      ]),
    ).toEqual(["verdict", "spans"]);
  });
});
