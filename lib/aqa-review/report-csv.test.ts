import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { DiveFigures } from "./dive-figures";
import { REPORT_COLUMNS, reportCsvStream, reportRow } from "./report-csv";
import type { SignOffView } from "./sign-off-view";

const figures: DiveFigures = {
  generationId: 7,
  questionId: 3,
  questionKind: "aqa-full",
  sampleIndex: 0,
  simulated: true,
  videoId: 2,
  videoKey: "cup_1",
  split: "test",
  diveNumber: "107B",
  diveDescription: "forward 3½ somersaults pike",
  trueScore: 85.78,
  predictedScore: 79.2,
  scoreError: 79.2 - 85.78,
  trueDifficulty: 3.5,
  predictedDifficulty: 3.4,
  difficultyCorrect: false,
  difficultyAsked: true,
  difficultyCarried: "not-carried",
  trueSequence: ["Forward", "3.5 Soms.Pike", "Entry"],
  predictedSequence: ["Forward", "3.5 Soms.Pike", "Entry"],
  sequenceCorrect: true,
  sequenceAsked: true,
  judgeScores: [8, 8.5, 8, 8, 8.5, 8, 8],
  predictedJudgeScores: null,
  arithmeticChecks: 2,
  arithmeticFlags: [{ kind: "average", rule: "mean of 4 values", claimed: "3.4", recomputed: "3.2", sentence: "…" }],
  recordWarning: null,
};

const signOffs: SignOffView[] = [
  {
    generationId: 7,
    decision: "REJECTED",
    qualityScore: 2,
    reason: '=HYPERLINK("x")',
    comment: "",
    signedAt: "2026-01-01T00:00:00.000Z",
    user: { id: "u", name: "Priya PI", role: "PI" },
  },
];

describe("the CSV report", () => {
  it("writes a header and one row per dive that csv-parse reads back", async () => {
    const csv = await text(
      reportCsvStream([
        reportRow(figures, signOffs),
        reportRow({ ...figures, generationId: 8, predictedScore: null, scoreError: null }, []),
      ]),
    );
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({
      generation_id: "7",
      simulated: "yes",
      predicted_score: "79.2",
      score_error: "-6.58",
      difficulty_correct: "no",
      sequence_correct: "yes",
      predicted_judge_scores: "",
      arithmetic_flags: "1",
      arithmetic_flag_details: "stated 3.4, but mean of 4 values gives 3.2",
      signoffs_rejected: "1",
      signoff_quality_scores: "2",
    });
    expect(rows[1]).toMatchObject({
      generation_id: "8",
      predicted_score: "",
      score_error: "",
      simulated: "yes",
      signoff_quality_scores: "",
    });
  });

  it("defuses free text a spreadsheet would run as a formula", async () => {
    const csv = await text(reportCsvStream([reportRow(figures, [{ ...signOffs[0]!, user: { ...signOffs[0]!.user, name: "=cmd" } }])]));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]?.signoff_notes?.startsWith("'=cmd")).toBe(true);
  });
});
