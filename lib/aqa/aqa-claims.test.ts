import { describe, expect, it } from "vitest";
import { extractAqaClaims } from "./aqa-claims";
import type { Span } from "./span";

function at(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

describe("extractAqaClaims", () => {
  it("reads the paper's appendix B example (Fig. 5, top)", () => {
    const text =
      "The dive sequence is Reverse→3.5 Soms.Tuck→Entry. Rating each element, the reverse take-off is 1 and " +
      "the 3.5 Soms.Tuck is 4, culminating in an overall difficulty score of 3.3. The final predicted score was 79.2.";
    const claims = extractAqaClaims(text);
    expect(claims.sequence).toEqual(["Reverse", "3.5 Soms.Tuck", "Entry"]);
    expect(claims.difficulty?.value).toBe(3.3);
    expect(claims.finalScore?.value).toBe(79.2);
    expect(claims.finalScore && at(text, claims.finalScore.span)).toBe("79.2");
    const arrowSpans = claims.subActions.slice(0, 3).map((m) => at(text, m.span));
    expect(arrowSpans).toEqual(["Reverse", "3.5 Soms.Tuck", "Entry"]);
  });

  it("reads the label format used in label rationalization prompts", () => {
    const text = "Answer: Action Sequence: Inward, 3.5 Soms.Tuck, Entry. Action difficulty: 3.2. Overall Score: 65.6.";
    const claims = extractAqaClaims(text);
    expect(claims.sequence).toEqual(["Inward", "3.5 Soms.Tuck", "Entry"]);
    expect(claims.difficulty?.literal).toBe("3.2");
    expect(claims.finalScore?.literal).toBe("65.6");
    expect(claims.finalScore?.phrase.text).toBe("Overall Score: 65.6");
  });

  it("reads a generated answer written in prose", () => {
    const text =
      "First, we need to identify the action sequence performed by the diver. In this case, the diver performs an " +
      "inward somersault, followed by a 3.5 somersault tuck, and then an entry into the water. The action " +
      "difficulty score for a inward to a 3.5 somersault tuck is 3.2… we can conclude that the diver's action " +
      "sequence is of a high skill level and is quite tough, with an overall score of 64.68";
    const claims = extractAqaClaims(text);
    expect(claims.sequence).toEqual(["Inward", "3.5 Soms.Tuck", "Entry"]);
    expect(claims.difficulty?.value).toBe(3.2);
    expect(claims.difficulty && at(text, claims.difficulty.span)).toBe("3.2");
    expect(claims.difficulty?.span.start).toBe(text.indexOf("is 3.2") + 3);
    expect(claims.finalScore?.value).toBe(64.68);
    expect(claims.finalScore?.decimals).toBe(2);
  });

  it("reads judges, DD and a final score with its spans", () => {
    const text =
      "This is a 5253B: back 2½ somersaults with 1½ twists in the pike position, DD 3.2. The judges scored 7.5, " +
      "8.0, 8.0, 7.5, 8.5, 8.0, 7.0; dropping the two highest and two lowest leaves 23.5, for a final score of 75.20.";
    const claims = extractAqaClaims(text);
    expect(claims.difficulty?.phrase.text).toBe("DD 3.2");
    expect(claims.judgeScores?.values).toEqual([7.5, 8, 8, 7.5, 8.5, 8, 7]);
    expect(claims.judgeScores?.plausible).toBe(true);
    expect(claims.judgeScores?.items.map((i) => at(text, i.span))).toEqual(["7.5", "8.0", "8.0", "7.5", "8.5", "8.0", "7.0"]);
    expect(claims.finalScore?.literal).toBe("75.20");
    expect(claims.sequence).toEqual(["Back", "2.5 Soms.Pike", "1.5 Twists"]);
  });

  it("accepts the other phrasings of difficulty and final score", () => {
    const cases: Array<[string, number | null, number | null]> = [
      ["a difficulty of 3.2 and a total score: 81.6", 3.2, 81.6],
      ["With a 3.0 degree of difficulty, the diver scored 81.6 points.", 3.0, 81.6],
      ["The degree of difficulty (DD) is 2.9 and the overall score is 63.0 out of 100.", 2.9, 63.0],
      ["The dive's difficulty level is approximately 3.4. My predicted score: 72.5.", 3.4, 72.5],
      ["The diver earned 88.4 points.", null, 88.4],
    ];
    for (const [text, difficulty, score] of cases) {
      const claims = extractAqaClaims(text);
      expect(claims.difficulty?.value ?? null, text).toBe(difficulty);
      expect(claims.finalScore?.value ?? null, text).toBe(score);
    }
  });

  it("reads execution-score lists and keeps the full panel over the kept three", () => {
    const text =
      "The execution scores of 8.5, 8.0, 9.0, 8.5, 8.0, 8.5, 9.0 leave execution scores 8.5, 8.5 and 8.5 after " +
      "the cut; the total score is 89.25.";
    const claims = extractAqaClaims(text);
    expect(claims.judgeScoreLists.map((l) => l.values.length)).toEqual([7, 3]);
    expect(claims.judgeScores?.values).toHaveLength(7);
    expect(claims.finalScore?.value).toBe(89.25);
  });

  it("does not take a judge's mark, a per-action difficulty or a somersault count for a claim", () => {
    const text =
      "One judge gave a score of 8.5. The difficulty of each action is as follows: Inward: 3.5, 3.5 Soms.Tuck: 3.2. " +
      "The difficulty for the 2.5 somersaults is unclear.";
    const claims = extractAqaClaims(text);
    expect(claims.finalScore).toBeNull();
    expect(claims.difficultyMentions).toEqual([]);
  });

  it("does not read a labelled per-movement difficulty as the dive's", () => {
    const claims = extractAqaClaims("Evaluating each movement's difficulty, we assign inward somersault: 2.5, entry: 3.0.");
    expect(claims.difficultyMentions).toEqual([]);
  });

  it("keeps an implausible difficulty as a mention but not as the predicted difficulty", () => {
    const claims = extractAqaClaims("Action difficulty: 3.2 … with an overall difficulty score of 65.6.");
    expect(claims.difficultyMentions.map((d) => [d.value, d.plausible])).toEqual([
      [3.2, true],
      [65.6, false],
    ]);
    expect(claims.difficulty?.value).toBe(3.2);
    expect(claims.finalScore).toBeNull();
  });

  it("returns empty claims for an answer that gives no score (paper Fig. 6, top)", () => {
    const claims = extractAqaClaims("To score this dive, one would consider the take-off, the flight and the entry.");
    expect(claims.difficulty).toBeNull();
    expect(claims.finalScore).toBeNull();
    expect(claims.judgeScores).toBeNull();
    expect(claims.sequence).toEqual(["Entry"]);
  });
});
