import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { DiveFigures } from "./dive-figures";
import type { SignOffView } from "./sign-off-view";

type CsvCell = string | number | boolean | null;

/** The report's columns, in order: one row per dive (generation) of the cycle. */
export const REPORT_COLUMNS = [
  "generation_id",
  "question_id",
  "question_kind",
  "sample_index",
  "simulated",
  "video_id",
  "video_key",
  "split",
  "dive_number",
  "dive_description",
  "true_score",
  "predicted_score",
  "score_error",
  "true_difficulty",
  "predicted_difficulty",
  "difficulty_asked",
  "difficulty_correct",
  "difficulty_carried_by_dive_number",
  "true_sequence",
  "predicted_sequence",
  "sequence_asked",
  "sequence_correct",
  "judge_scores",
  "predicted_judge_scores",
  "arithmetic_checks",
  "arithmetic_flags",
  "arithmetic_flag_details",
  "record_warning",
  "signoffs_accepted",
  "signoffs_rejected",
  "signoff_quality_scores",
  "signoff_notes",
] as const;
type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportRow = Record<ReportColumn, CsvCell>;

const SEQUENCE_SEPARATOR = " > ";
const LIST_SEPARATOR = " | ";

export function reportRow(figures: DiveFigures, signOffs: readonly SignOffView[]): ReportRow {
  return {
    generation_id: figures.generationId,
    question_id: figures.questionId,
    question_kind: figures.questionKind,
    sample_index: figures.sampleIndex,
    simulated: figures.simulated,
    video_id: figures.videoId,
    video_key: figures.videoKey,
    split: figures.split,
    dive_number: figures.diveNumber,
    dive_description: figures.diveDescription,
    true_score: figures.trueScore,
    predicted_score: figures.predictedScore,
    score_error: figures.scoreError === null ? null : round(figures.scoreError, 4),
    true_difficulty: figures.trueDifficulty,
    predicted_difficulty: figures.predictedDifficulty,
    difficulty_asked: figures.difficultyAsked,
    difficulty_correct: figures.difficultyCorrect,
    difficulty_carried_by_dive_number: figures.difficultyCarried,
    true_sequence: figures.trueSequence.join(SEQUENCE_SEPARATOR),
    predicted_sequence: figures.predictedSequence.join(SEQUENCE_SEPARATOR),
    sequence_asked: figures.sequenceAsked,
    sequence_correct: figures.sequenceCorrect,
    judge_scores: figures.judgeScores.join(" "),
    predicted_judge_scores: figures.predictedJudgeScores?.join(" ") ?? null,
    arithmetic_checks: figures.arithmeticChecks,
    arithmetic_flags: figures.arithmeticFlags.length,
    arithmetic_flag_details: figures.arithmeticFlags
      .map((f) => `stated ${f.claimed}, but ${f.rule} gives ${f.recomputed}`)
      .join(LIST_SEPARATOR),
    record_warning: figures.recordWarning,
    signoffs_accepted: signOffs.filter((s) => s.decision === "ACCEPTED").length,
    signoffs_rejected: signOffs.filter((s) => s.decision === "REJECTED").length,
    signoff_quality_scores: signOffs.flatMap((s) => (s.qualityScore === null ? [] : [String(s.qualityScore)])).join(" "),
    signoff_notes: signOffs
      .map((s) => [`${s.user.name}: ${s.decision.toLowerCase()}`, s.reason, s.comment].filter(Boolean).join(" — "))
      .join(LIST_SEPARATOR),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Streams rows as CSV with a header line: booleans as yes/no, missing values empty. */
export function reportCsvStream(rows: AsyncIterable<ReportRow> | Iterable<ReportRow>): Readable {
  const stringifier = stringify({
    header: true,
    columns: [...REPORT_COLUMNS],
    cast: {
      boolean: (value) => (value ? "yes" : "no"),
      string: neutraliseFormula,
    },
  });
  pipeline(Readable.from(rows), stringifier).catch((error: unknown) => {
    stringifier.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return stringifier;
}
