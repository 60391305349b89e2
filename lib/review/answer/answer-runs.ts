export interface Range {
  start: number;
  end: number;
}

/** A stretch of the answer covered by the same matched parts and hallucinated spans. */
export interface AnswerRun {
  start: number;
  end: number;
  text: string;
  /** Indices into the `matches` ranges covering this run. */
  matches: number[];
  /** Indices into the `spans` ranges covering this run. */
  spans: number[];
}

/**
 * Cuts the answer at every boundary of the verifier's matched parts and the annotator's
 * hallucinated spans, so each run can be drawn with the highlights that cover it (overlaps
 * included). Ranges outside the text are clipped; empty ones ignored.
 */
export function answerRuns(text: string, matches: readonly Range[], spans: readonly Range[]): AnswerRun[] {
  const clip = (range: Range): Range | null => {
    const start = Math.max(0, Math.min(text.length, range.start));
    const end = Math.max(0, Math.min(text.length, range.end));
    return end > start ? { start, end } : null;
  };
  const clippedMatches = matches.map(clip);
  const clippedSpans = spans.map(clip);
  const cuts = new Set<number>([0, text.length]);
  for (const range of [...clippedMatches, ...clippedSpans]) {
    if (range) {
      cuts.add(range.start);
      cuts.add(range.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const covering = (ranges: readonly (Range | null)[], start: number, end: number) =>
    ranges.flatMap((range, index) => (range && range.start <= start && range.end >= end ? [index] : []));
  const runs: AnswerRun[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      matches: covering(clippedMatches, start, end),
      spans: covering(clippedSpans, start, end),
    });
  }
  return runs;
}
