import {
  checkDifficultyForDive,
  checkRecordedScore,
  sameDifficulty,
  sameSequence,
  tryDecodeDiveNumber,
  type AqaEvaluationItem,
  type ArithmeticCheck,
  type DifficultyCheckStatus,
  type DifficultyTable,
} from "@/lib/aqa";
import type { AnswerAnalysis } from "./answer-analysis";
import type { AskedTargets } from "./asked-targets";
import type { DiveLabelValue } from "./dive-label";

/** One FineDiving answer of a cycle with the question, video and dive record it answers. */
export interface AqaGenerationRecord {
  generationId: number;
  cycleId: number;
  questionId: number;
  questionKind: string;
  sampleIndex: number;
  text: string;
  /** Answered by a simulated backend, not a model. */
  simulated: boolean;
  videoId: number;
  videoKey: string;
  datasetId: number;
  split: string | null;
  asked: AskedTargets;
  dive: DiveLabelValue;
}

interface ArithmeticFlagSummary {
  kind: ArithmeticCheck["kind"];
  rule: string;
  /** The claimed number as written. */
  claimed: string;
  /** The recomputed value at the claim's precision. */
  recomputed: string;
  sentence: string;
}

/** A dive's figures: what the answer predicted against the record, and what its arithmetic got wrong. */
export interface DiveFigures {
  generationId: number;
  questionId: number;
  questionKind: string;
  sampleIndex: number;
  /** Answered by a simulated backend: every figure built on it is simulated too. */
  simulated: boolean;
  videoId: number;
  videoKey: string;
  split: string | null;
  diveNumber: string;
  /** "forward 2½ somersaults pike"; null when the dive number does not decode. */
  diveDescription: string | null;
  trueScore: number;
  predictedScore: number | null;
  /** predicted − true; null without a predicted score. */
  scoreError: number | null;
  trueDifficulty: number;
  predictedDifficulty: number | null;
  /** null when the question did not ask for the difficulty, or the answer states none. */
  difficultyCorrect: boolean | null;
  difficultyAsked: boolean;
  /** Is the predicted difficulty one the dataset gives this dive number? null without a prediction. */
  difficultyCarried: DifficultyCheckStatus | null;
  trueSequence: string[];
  predictedSequence: string[];
  /** null when the question did not ask for the sub-actions, or the answer names none. */
  sequenceCorrect: boolean | null;
  sequenceAsked: boolean;
  judgeScores: number[];
  predictedJudgeScores: number[] | null;
  arithmeticChecks: number;
  arithmeticFlags: ArithmeticFlagSummary[];
  /** The ground-truth record's own score disagrees with its judges (a data-quality warning). */
  recordWarning: string | null;
}

export function diveFigures(record: AqaGenerationRecord, analysis: AnswerAnalysis, difficultyTable: DifficultyTable): DiveFigures {
  const { dive, asked } = record;
  const { claims, arithmetic } = analysis;
  const predictedScore = claims.finalScore?.value ?? null;
  const predictedDifficulty = claims.difficulty?.value ?? null;
  const decoded = tryDecodeDiveNumber(dive.action_type);
  const sequenceAsked = asked.sequence && dive.sub_actions.length > 0;
  const warning = checkRecordedScore({ judgeScores: dive.judge_scores, difficulty: dive.difficulty, diveScore: dive.dive_score });
  return {
    generationId: record.generationId,
    questionId: record.questionId,
    questionKind: record.questionKind,
    sampleIndex: record.sampleIndex,
    simulated: record.simulated,
    videoId: record.videoId,
    videoKey: record.videoKey,
    split: record.split,
    diveNumber: decoded.ok ? decoded.dive.code : dive.action_type,
    diveDescription: decoded.ok ? decoded.dive.text : null,
    trueScore: dive.dive_score,
    predictedScore,
    scoreError: predictedScore === null ? null : predictedScore - dive.dive_score,
    trueDifficulty: dive.difficulty,
    predictedDifficulty,
    // Graded only where the question asked for it: an aqa-score answer owes no difficulty.
    difficultyCorrect: !asked.difficulty || predictedDifficulty === null ? null : sameDifficulty(predictedDifficulty, dive.difficulty),
    difficultyAsked: asked.difficulty,
    difficultyCarried:
      predictedDifficulty === null ? null : checkDifficultyForDive(difficultyTable, dive.action_type, predictedDifficulty).status,
    trueSequence: dive.sub_actions,
    predictedSequence: claims.sequence,
    sequenceCorrect: !sequenceAsked || claims.sequence.length === 0 ? null : sameSequence(claims.sequence, dive.sub_actions),
    sequenceAsked,
    judgeScores: dive.judge_scores,
    predictedJudgeScores: claims.judgeScores?.values ?? null,
    arithmeticChecks: arithmetic.checks.length,
    arithmeticFlags: arithmetic.flags.map(summariseFlag),
    recordWarning: warning?.message ?? null,
  };
}

function summariseFlag(check: ArithmeticCheck): ArithmeticFlagSummary {
  return {
    kind: check.kind,
    rule: check.rule,
    claimed: check.claim.text,
    recomputed: check.recomputedAtClaimPrecision,
    sentence: check.sentence.text,
  };
}

/**
 * The dive as an item of lib/aqa's evaluation. Difficulty and sequence count only where the question
 * asks for them (an aqa-score answer owes no sub-actions); a missing prediction then counts as wrong.
 */
export function evaluationItem(figures: DiveFigures): AqaEvaluationItem {
  return {
    trueScore: figures.trueScore,
    predictedScore: figures.predictedScore,
    ...(figures.difficultyAsked ? { trueDifficulty: figures.trueDifficulty, predictedDifficulty: figures.predictedDifficulty } : {}),
    ...(figures.sequenceAsked
      ? {
          trueSequence: figures.trueSequence,
          predictedSequence: figures.predictedSequence.length ? figures.predictedSequence : null,
        }
      : {}),
    arithmeticFlags: figures.arithmeticFlags.length,
  };
}
