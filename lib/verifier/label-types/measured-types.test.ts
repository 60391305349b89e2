import { describe, expect, it } from "vitest";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import type { Target } from "@/lib/verifier/label-schemas";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verifySync } from "@/lib/verifier/verify";

const paper = resolveVerifierConfig("paper");
const reference = resolveVerifierConfig("reference-code");

/**
 * [description, target, answer, passes under paper, passes under reference-code (null: the
 * released rules for floats, boxes, intervals and timestamps are tested in lib/verifier/released), span text]
 */
type Case = [string, Target, string, boolean, boolean | null, string | null];

const score = (value: number): Target => ({ labelType: "float", label: { value, name: "score" } });
const box = (x1: number, y1: number, x2: number, y2: number): Target => ({ labelType: "bbox", label: { box: [x1, y1, x2, y2] } });
const interval = (start: number, end: number): Target => ({ labelType: "interval", label: { start, end } });
const time = (seconds: number): Target => ({ labelType: "timestamp", label: { time: seconds } });

const cases: Case[] = [
  ["float: 'score of'", score(85.78), "The dive earns a score of 85.2 overall.", true, null, "85.2"],
  ["float: 'score:'", score(85.78), "Difficulty 3.5. Final score: 79.2", true, null, "79.2"],
  ["float: 'points'", score(85.78), "Judges gave 3, 7 and then 84 points.", true, null, "84"],
  ["float: attached number preferred over a closer loose one", score(95), "Out of 100 judges, the score was 50.", false, null, null],
  ["float: all numbers when none is attached", score(85.78), "I count 3 dives, averaging 86.", true, null, "86"],
  ["float: relative error just within 10%", score(100), "score 110", true, null, "110"],
  ["float: relative error beyond 10%", score(100), "score 110.5", false, null, null],
  ["float: no number", score(85.78), "It was a beautiful dive.", false, null, null],
  ["float: empty answer", score(85.78), "", false, null, null],
  ["float: full-width name and emoji", score(85.78), "Ｆｉｎａｌ ｓｃｏｒｅ: 85.2 🎉 (difficulty 3.5)", true, null, "85.2"],
  ["float: zero label", { labelType: "float", label: { value: 0, name: "errors" } }, "It made 0 errors.", true, null, "0"],
  ["bbox: exact box", box(0.1, 0.2, 0.5, 0.6), "The cup is at [0.1, 0.2, 0.5, 0.6].", true, null, "[0.1, 0.2, 0.5, 0.6]"],
  ["bbox: IoU exactly 0.5 (paper >= 0.5)", box(0.1, 0.2, 0.5, 0.6), "It sits at [0.1, 0.2, 0.3, 0.6]", true, null, null],
  ["bbox: best of several boxes", box(0, 0, 0.5, 0.5), "[0.6, 0.6, 0.9, 0.9] or [0, 0, 0.5, 0.45]", true, null, "[0, 0, 0.5, 0.45]"],
  ["bbox: no box", box(0, 0, 0.5, 0.5), "top left corner", false, null, null],
  ["interval: from…to with seconds", interval(2, 5), "It happens from 2.1s to 5s.", true, null, "2.1s to 5s"],
  ["interval: between…and", interval(2, 5), "between 2 and 5 seconds", true, null, "2 and 5 seconds"],
  ["interval: clock times", interval(2, 5), "from 00:02 to 00:05", true, null, "00:02 to 00:05"],
  ["interval: minutes and en dash", interval(62.5, 64), "at 1:02.5–1:04 he waves", true, null, "1:02.5–1:04"],
  ["interval: tIoU 0.75 (paper passes)", interval(2, 5), "from 2 to 4.25 seconds", true, null, "2 to 4.25 seconds"],
  ["interval: tIoU 0.5 (under the paper's 0.75)", interval(2, 5), "from 2 to 3.5 seconds", false, null, null],
  ["interval: tIoU 0.53 (under the paper's 0.75 too)", interval(2, 5), "from 2 to 3.6 seconds", false, null, null],
  ["interval: emoji around the range", interval(2, 5), "⏱️ from 2s to 5s 🎬", true, null, "2s to 5s"],
  ["interval: no range", interval(2, 5), "It happens early on.", false, null, null],
  ["timestamp: exact", time(3.2), "He sits down at 3.2 seconds.", true, null, "3.2 seconds"],
  ["timestamp: 0.8 s off (paper 1 s, released code 0.1)", time(3.2), "At 00:04 he sits.", true, null, null],
  ["timestamp: 0.1 s off", time(3.2), "around 3.3s", true, null, "3.3s"],
  ["timestamp: no time", time(3.2), "Soon after the start.", false, null, null],
];

describe("float, bbox, interval and timestamp", () => {
  it("handle 50,000-character answers", () => {
    const filler = "the diver turns twice, 3 judges watch from 2 angles and the crowd waits; ".repeat(700);
    const answer = `${filler} Final score: 84.9 at [0.1, 0.2, 0.5, 0.6] from 2.1s to 5s, at 3.2 seconds.`;
    expect(answer.length).toBeGreaterThan(50_000);
    for (const target of [score(85.78), box(0.1, 0.2, 0.5, 0.6), interval(2, 5), time(3.2)]) {
      const verdict = verifySync(target, answer, paper);
      expect(verdict.passed).toBe(true);
      expectSpansInAnswer(verdict, answer);
    }
  });

  for (const [name, target, answer, passesPaper, passesReference, spanText] of cases) {
    it(`${name}`, () => {
      const paperVerdict = verifySync(target, answer, paper);
      const referenceVerdict = verifySync(target, answer, reference);
      expect(paperVerdict.passed).toBe(passesPaper);
      if (passesReference !== null) expect(referenceVerdict.passed).toBe(passesReference);
      expect(paperVerdict.method.startsWith(`${target.labelType}:`)).toBe(true);
      expectSpansInAnswer(paperVerdict, answer);
      expectSpansInAnswer(referenceVerdict, answer);
      const [match] = paperVerdict.matches;
      if (spanText !== null) expect(match).toMatchObject({ matched: true, text: spanText });
      if (!passesPaper) expect(match).toMatchObject({ matched: false, reason: expect.any(String) });
      expect(paperVerdict.score).toBeGreaterThanOrEqual(0);
      expect(paperVerdict.score).toBeLessThanOrEqual(1);
    });
  }

  it("scores on a shared 'higher is closer' scale with the threshold on it", () => {
    const floatVerdict = verifySync(score(100), "score 95", paper);
    expect(floatVerdict.score).toBeCloseTo(0.95, 12);
    expect(floatVerdict.threshold).toBeCloseTo(0.9, 12);
    const timeVerdict = verifySync(time(3), "at 3.5 seconds", paper);
    expect(timeVerdict.score).toBeCloseTo(0.75, 12);
    expect(timeVerdict.threshold).toBe(0.5);
    expect(verifySync(box(0, 0, 1, 1), "[0.0, 0.0, 1.0, 1.0]", reference).comparison).toBe(">");
  });

  it("says why a measured part failed and where the closest candidate was", () => {
    const answer = "The dive got a score of 60.";
    const [match] = verifySync(score(85.78), answer, paper).matches;
    expect(match).toMatchObject({
      matched: false,
      part: "score",
      closest: { text: "60", start: answer.indexOf("60") },
    });
    expect(match?.matched === false && match.reason).toMatch(/relative error 30\.05% \(> 10%/);
  });
});
