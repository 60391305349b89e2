import { expect, test } from "vitest";
import { resolveSpans } from "./spans";

const answer = "The man washes the dish and puts it on a drying rack.";

test("takes each span's text from the answer, not from the client, and orders the spans", () => {
  const spans = resolveSpans(answer, [
    { start: 41, end: 52, videoStartSec: 2.5 },
    { start: 8, end: 14 },
  ]);
  expect(spans).toEqual([
    { start: 8, end: 14, text: "washes" },
    { start: 41, end: 52, text: "drying rack", videoStartSec: 2.5 },
  ]);
});

test("drops a span given twice", () => {
  expect(
    resolveSpans(answer, [
      { start: 0, end: 3 },
      { start: 0, end: 3 },
    ]),
  ).toHaveLength(1);
});

test("refuses a span past the end of the answer, naming it", () => {
  expect(() =>
    resolveSpans(answer, [
      { start: 0, end: 3 },
      { start: 50, end: 99 },
    ]),
  ).toThrow(/hallucinatedSpans\.1: end 99 is past the end of the answer \(53 characters\)/);
});
