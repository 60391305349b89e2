import { describe, expect, it } from "vitest";
import { buildDifficultyTable } from "@/lib/aqa";
import { analyseAnswer } from "./answer-analysis";
import { askedTargets } from "./asked-targets";
import { diveFigures, type AqaGenerationRecord } from "./dive-figures";
import { parseDiveLabel } from "./dive-label";

const dive = parseDiveLabel(
  {
    action_type: "207C",
    dive_score: 71.4,
    difficulty: 3.4,
    judge_scores: [6, 6.5, 7, 7, 7, 7.5, 8],
    sub_actions: ["Back", "3.5 Soms.Tuck", "Entry"],
  },
  "d2",
);

function record(questionKind: string, text: string): AqaGenerationRecord {
  const targets =
    questionKind === "aqa-score"
      ? [{ labelType: "float", label: { name: "score", value: 71.4 } }]
      : [
          { labelType: "float", label: { name: "score", value: 71.4 } },
          { labelType: "float", label: { name: "difficulty", value: 3.4 } },
          { labelType: "sequence", label: { items: dive.sub_actions } },
        ];
  return {
    generationId: 1,
    cycleId: 1,
    questionId: 1,
    questionKind,
    sampleIndex: 0,
    text,
    simulated: true,
    videoId: 1,
    videoKey: "d2",
    datasetId: 1,
    split: "test",
    asked: askedTargets(targets, questionKind),
    dive,
  };
}

// Wrong difficulty (3.0 for 3.4) and wrong sub-actions (Forward, Pike), stated unasked.
const ANSWER =
  "The dive is Forward → 3.5 Soms.Pike → Entry. The degree of difficulty is 3.0. The middle three marks sum to 21.0. " +
  "21.0 × 3.0 = 63.0, so the final score is 63.0.";

describe("dive figures grade only what the question asked", () => {
  it("a score-only question: difficulty and sub-actions are neither right nor wrong, whatever the answer says", () => {
    const figures = diveFigures(record("aqa-score", ANSWER), analyseAnswer(ANSWER), buildDifficultyTable([]));
    expect(figures.predictedScore).toBe(63);
    expect(figures.predictedDifficulty).toBe(3);
    expect(figures.difficultyAsked).toBe(false);
    expect(figures.difficultyCorrect).toBeNull();
    expect(figures.sequenceAsked).toBe(false);
    expect(figures.sequenceCorrect).toBeNull();
    expect(figures.simulated).toBe(true);
  });

  it("a question asking for all three grades the same answer's difficulty and sub-actions wrong", () => {
    const figures = diveFigures(record("aqa-full", ANSWER), analyseAnswer(ANSWER), buildDifficultyTable([]));
    expect(figures.difficultyCorrect).toBe(false);
    expect(figures.sequenceCorrect).toBe(false);
  });
});
