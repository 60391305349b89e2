import { checkDifficultyForDive, computeDiveScore, type DifficultyCheck, type PanelRuleId } from "@/lib/aqa";
import { analyseAnswer } from "./answer-analysis";
import { findGenerationDetail, neighbourGenerationIds, type AqaMode } from "./aqa-repository";
import { difficultyTableFor } from "./cycle-review";
import { diveFigures, type DiveFigures } from "./dive-figures";
import type { DiveLabelValue } from "./dive-label";
import { diveTimeline, type DiveTimeline } from "./dive-timeline";
import { generationRecord } from "./generation-records";
import { markRationale, type MarkedRationale } from "./rationale-marks";
import { listSignOffs } from "./sign-off-repository";
import { signOffView, type SignOffView } from "./sign-off-view";

export interface DiveReview {
  generationId: number;
  mode: string;
  model: string;
  simulated: boolean;
  prompt: string;
  questionText: string;
  text: string;
  cycle: { id: number; index: number; status: string; run: { id: number; name: string } };
  dataset: { id: number; name: string };
  video: {
    id: number;
    key: string;
    split: string | null;
    mediaStatus: string;
    durationSec: number | null;
    fps: number | null;
    width: number | null;
    height: number | null;
    unplayableReason: string | null;
  };
  dive: DiveLabelValue;
  /** The true judges under their panel rule: which marks count, and the score they give. */
  panel: { ruleId: PanelRuleId; rule: string; kept: number[]; computedScore: number } | null;
  figures: DiveFigures;
  /** Is the predicted difficulty one the dataset gives this dive number? */
  difficultyCheck: DifficultyCheck | null;
  rationale: MarkedRationale;
  timeline: DiveTimeline;
  neighbours: { previous: number | null; next: number | null };
  signOffs: SignOffView[];
}

export type DiveReviewResult = { kind: "found"; review: DiveReview } | { kind: "not-found" } | { kind: "not-reviewable"; message: string };

/** Everything the dive screen shows for one AQA generation. */
export async function diveReview(generationId: number): Promise<DiveReviewResult> {
  const row = await findGenerationDetail(generationId);
  if (row === null || !isAqaGeneration(row)) return { kind: "not-found" };
  const result = generationRecord(row);
  if (!result.ok) return { kind: "not-reviewable", message: result.problem.message };
  const { record } = result;
  const analysis = analyseAnswer(record.text);
  const table = await difficultyTableFor([record.datasetId]);
  const figures = diveFigures(record, analysis, table);
  const panel = computeDiveScore(record.dive.judge_scores, record.dive.difficulty);
  const [neighbours, signOffs] = await Promise.all([
    neighbourGenerationIds(row.id, row.cycleId, row.mode as AqaMode),
    listSignOffs(row.id),
  ]);
  const { video } = row.question;
  return {
    kind: "found",
    review: {
      generationId: row.id,
      mode: row.mode,
      model: row.model,
      simulated: row.simulated,
      prompt: row.prompt,
      questionText: row.question.text,
      text: row.text,
      cycle: { id: row.cycle.id, index: row.cycle.index, status: row.cycle.status, run: row.cycle.run },
      dataset: { id: row.question.dataset.id, name: row.question.dataset.name },
      video: {
        id: video.id,
        key: video.key,
        split: video.split,
        mediaStatus: video.mediaStatus,
        durationSec: video.durationSec,
        fps: video.fps,
        width: video.width,
        height: video.height,
        unplayableReason: video.unplayableReason,
      },
      dive: record.dive,
      panel: panel === null ? null : { ruleId: panel.rule.id, rule: panel.rule.description, kept: panel.kept, computedScore: panel.value },
      figures,
      difficultyCheck:
        figures.predictedDifficulty === null ? null : checkDifficultyForDive(table, record.dive.action_type, figures.predictedDifficulty),
      rationale: markRationale(record.text, analysis),
      timeline: diveTimeline(record.dive, figures.predictedSequence, video.durationSec),
      neighbours,
      signOffs: signOffs.map(signOffView),
    },
  };
}

function isAqaGeneration(row: { mode: string; question: { kind: string; dataset: { format: string } } }): boolean {
  return (
    (row.mode === "ANSWER" || row.mode === "EVALUATION") &&
    row.question.kind.startsWith("aqa-") &&
    row.question.dataset.format === "FINEDIVING"
  );
}
