import { canonicalSubActionName } from "@/lib/aqa";
import type { DiveLabelValue } from "./dive-label";

interface TimelineSegment {
  name: string;
  startSec: number;
  endSec: number;
}

interface PredictedSegment extends TimelineSegment {
  /** Same sub-action as the true one in the same position. */
  matches: boolean;
}

export interface DiveTimeline {
  durationSec: number;
  truth: TimelineSegment[];
  /**
   * The answer's sub-actions. An answer states their order, not their times, so they are laid out in
   * equal shares of the dive's true span (first true segment's start to last one's end, or the whole
   * clip without true segments): position is meaningful, exact boundaries are not.
   */
  predicted: PredictedSegment[];
}

export function diveTimeline(dive: DiveLabelValue, predictedSequence: readonly string[], videoDurationSec: number | null): DiveTimeline {
  const truth = dive.segments.map((s) => ({ name: s.name, startSec: s.start_sec, endSec: s.end_sec }));
  const lastEnd = truth.at(-1)?.endSec ?? 0;
  const durationSec = Math.max(videoDurationSec ?? 0, lastEnd);
  const spanStart = truth[0]?.startSec ?? 0;
  const spanEnd = truth.length > 0 ? lastEnd : durationSec;
  const share = predictedSequence.length > 0 ? (spanEnd - spanStart) / predictedSequence.length : 0;
  const predicted = predictedSequence.map((name, i) => ({
    name,
    startSec: spanStart + i * share,
    endSec: spanStart + (i + 1) * share,
    matches: dive.sub_actions[i] !== undefined && canonicalSubActionName(dive.sub_actions[i] ?? "") === canonicalSubActionName(name),
  }));
  return { durationSec, truth, predicted };
}
