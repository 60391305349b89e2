import { askedTargets } from "./asked-targets";
import type { AqaGenerationRow } from "./aqa-repository";
import { DiveLabelError, parseDiveLabel } from "./dive-label";
import type { AqaGenerationRecord } from "./dive-figures";

/** A generation that cannot be reviewed (its dive record is missing or malformed), with the reason. */
export interface ReviewProblem {
  generationId: number;
  videoKey: string;
  message: string;
}

export type RecordOrProblem = { ok: true; record: AqaGenerationRecord } | { ok: false; problem: ReviewProblem };

export function generationRecord(row: AqaGenerationRow): RecordOrProblem {
  const { question } = row;
  const { video } = question;
  try {
    const dive = parseDiveLabel(video.labels[0]?.value, video.key);
    return {
      ok: true,
      record: {
        generationId: row.id,
        cycleId: row.cycleId,
        questionId: row.questionId,
        questionKind: question.kind,
        sampleIndex: row.sampleIndex,
        text: row.text,
        simulated: row.simulated,
        videoId: video.id,
        videoKey: video.key,
        datasetId: question.datasetId,
        split: video.split,
        asked: askedTargets(question.targets, question.kind),
        dive,
      },
    };
  } catch (error) {
    if (!(error instanceof DiveLabelError)) throw error;
    return { ok: false, problem: { generationId: row.id, videoKey: video.key, message: error.message } };
  }
}
