import { describe, expect, it } from "vitest";
import { analyseAnswer } from "./answer-analysis";
import { markRationale, rationaleMarks } from "./rationale-marks";

const paperSlip =
  "The dive is Reverse → 3.5 Soms.Tuck → Entry. The average of 2.5, 3.4, 3.4, 3.4 is 3.4, so the degree of difficulty is 3.4. " +
  "The judges' scores are 8.0, 8.5, 8.0, 7.5, 8.0, 8.5 and 9.0. 24.5 × 3.4 = 83.3. The final score is 83.3.";

describe("markRationale", () => {
  const marked = markRationale(paperSlip, analyseAnswer(paperSlip));

  it("cuts the text into pieces that join back into it", () => {
    expect(marked.pieces.map((p) => p.text).join("")).toBe(paperSlip);
    for (const piece of marked.pieces) expect(paperSlip.slice(piece.start, piece.end)).toBe(piece.text);
  });

  it("flags the wrong average inline, right after the claim, and leaves the correct arithmetic unflagged", () => {
    expect(marked.flags).toHaveLength(1);
    const flag = marked.flags[0]!;
    expect(flag.message).toBe("stated 3.4, but mean of 4 values (2.5, 3.4, 3.4, 3.4) gives 3.2");
    expect(paperSlip.slice(flag.claim.start, flag.claim.end)).toBe("3.4");
    const host = marked.pieces.find((p) => p.flagsAfter.includes(flag));
    expect(host?.end).toBe(flag.claim.end);
    expect(host?.marks.map((m) => m.kind)).toContain("arithmetic-flag");
    // 24.5 × 3.4 = 83.3 holds.
    const product = paperSlip.indexOf("83.3");
    const checked = marked.pieces.find((p) => p.start === product);
    expect(checked?.marks.map((m) => m.kind)).toContain("arithmetic-ok");
  });

  it("highlights the extracted difficulty, judges' marks, final score and sub-actions", () => {
    const marks = rationaleMarks(paperSlip, analyseAnswer(paperSlip));
    const texts = (kind: string) => marks.filter((m) => m.kind === kind).map((m) => paperSlip.slice(m.span.start, m.span.end));
    expect(texts("judge-score")).toEqual(["8.0", "8.5", "8.0", "7.5", "8.0", "8.5", "9.0"]);
    expect(texts("final-score")).toEqual(["83.3"]);
    expect(texts("sub-action")).toEqual(["Reverse", "3.5 Soms.Tuck", "Entry"]);
    expect(marks.find((m) => m.kind === "difficulty" && m.title.startsWith("predicted difficulty"))?.title).toBe(
      "predicted difficulty: 3.4",
    );
  });

  it("gives a plain text one unmarked piece", () => {
    const plain = "A clean, quiet finish.";
    expect(markRationale(plain, analyseAnswer(plain)).pieces).toEqual([
      { text: plain, start: 0, end: plain.length, marks: [], flagsAfter: [] },
    ]);
  });
});
