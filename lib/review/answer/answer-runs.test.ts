import { expect, test } from "vitest";
import { answerRuns } from "./answer-runs";

const text = "He takes the dish and washes it.";

test("the runs rebuild the text exactly and carry the ranges that cover them", () => {
  const runs = answerRuns(text, [{ start: 9, end: 17 }], [{ start: 13, end: 31 }]);
  expect(runs.map((run) => run.text).join("")).toBe(text);
  expect(runs.map((run) => [run.text, run.matches, run.spans])).toEqual([
    ["He takes ", [], []],
    ["the ", [0], []],
    ["dish", [0], [0]],
    [" and washes it", [], [0]],
    [".", [], []],
  ]);
});

test("clips ranges to the text and ignores empty ones", () => {
  const runs = answerRuns(
    "abc",
    [
      { start: -4, end: 1 },
      { start: 2, end: 2 },
    ],
    [{ start: 2, end: 99 }],
  );
  expect(runs.map((run) => [run.text, run.matches, run.spans])).toEqual([
    ["a", [0], []],
    ["b", [], []],
    ["c", [], [0]],
  ]);
});

test("an empty answer has no runs", () => {
  expect(answerRuns("", [], [])).toEqual([]);
});
