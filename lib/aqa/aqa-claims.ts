import {
  extractDifficultyClaims,
  extractFinalScoreClaims,
  extractJudgeScores,
  type JudgeScoresClaim,
  type NumericClaim,
} from "./score-claims";
import { extractSubActions, subActionSequence, type SubActionExtractionOptions, type SubActionMention } from "./sub-action-extraction";

/** Everything a FineDiving answer states, each with its character span in the answer. */
export interface AqaClaims {
  /** The predicted degree of difficulty: the last plausible (1.0–5.0) difficulty statement. */
  difficulty: NumericClaim | null;
  difficultyMentions: NumericClaim[];
  /** The judges' panel: the longest list of judge marks (the full panel rather than the kept three). */
  judgeScores: JudgeScoresClaim | null;
  judgeScoreLists: JudgeScoresClaim[];
  /** The predicted final score: the last final-score statement. */
  finalScore: NumericClaim | null;
  finalScoreMentions: NumericClaim[];
  subActions: SubActionMention[];
  /** Sub-action names in order of first mention, each once. */
  sequence: string[];
}

export function extractAqaClaims(text: string, options: SubActionExtractionOptions = {}): AqaClaims {
  const difficultyMentions = extractDifficultyClaims(text);
  const judgeScoreLists = extractJudgeScores(text);
  const finalScoreMentions = extractFinalScoreClaims(text, judgeScoreLists).filter(
    (c) => !difficultyMentions.some((d) => d.span.start === c.span.start),
  );
  const subActions = extractSubActions(text, options);
  return {
    difficulty: difficultyMentions.filter((c) => c.plausible).at(-1) ?? null,
    difficultyMentions,
    judgeScores: longestPlausible(judgeScoreLists),
    judgeScoreLists,
    finalScore: finalScoreMentions.at(-1) ?? null,
    finalScoreMentions,
    subActions,
    sequence: subActionSequence(subActions),
  };
}

function longestPlausible(lists: readonly JudgeScoresClaim[]): JudgeScoresClaim | null {
  let best: JudgeScoresClaim | null = null;
  for (const list of lists) {
    if (list.plausible && list.values.length > (best?.values.length ?? 0)) best = list;
  }
  return best;
}
