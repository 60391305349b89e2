"use client";

import { answerRuns } from "@/lib/review/answer/answer-runs";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";

export interface AnswerSpan {
  start: number;
  end: number;
  videoStartSec?: number | null;
  videoEndSec?: number | null;
}

type VerdictView = NonNullable<GetReviewQueueItemResponse["verdict"]>;
type PartMatchView = VerdictView["matches"][number];

/**
 * The generated answer with the verifier's matched label parts (green; hover: similarity and
 * threshold) and the annotator's hallucinated spans (red). Each run carries its offset, so a text
 * selection maps back to answer offsets (see `selectionOffsets`).
 */
export function AnswerView({ text, verdict, spans }: { text: string; verdict: VerdictView | null; spans: readonly AnswerSpan[] }) {
  const matched = (verdict?.matches ?? []).filter(
    (part): part is PartMatchView & { start: number; end: number } =>
      part.matched !== false && part.start !== undefined && part.end !== undefined,
  );
  const runs = answerRuns(text, matched, spans);
  return (
    <p data-testid="answer-text" data-answer-root className="leading-7 whitespace-pre-wrap text-slate-900">
      {runs.map((run) => {
        const parts = run.matches.map((index) => matched[index]!);
        const isSpan = run.spans.length > 0;
        const title = parts.map((part) => describeMatch(part, verdict)).join("\n") || undefined;
        const classes = [
          parts.length > 0 ? "rounded-sm bg-emerald-100 underline decoration-emerald-500 decoration-2 underline-offset-4" : "",
          isSpan ? "bg-rose-200 text-rose-950" : "",
        ].join(" ");
        return (
          <span
            key={run.start}
            data-offset={run.start}
            data-matched={parts.length > 0 ? "true" : undefined}
            data-hallucinated={isSpan ? "true" : undefined}
            title={title}
            className={classes}
          >
            {run.text}
          </span>
        );
      })}
    </p>
  );
}

function describeMatch(part: PartMatchView, verdict: VerdictView | null): string {
  const similarity = part.similarity === undefined ? "" : `similarity ${part.similarity.toFixed(3)}`;
  const threshold = verdict?.threshold == null ? "" : `threshold ${verdict.threshold}`;
  return [`label part “${part.part}”`, [similarity, threshold].filter(Boolean).join(" vs "), part.detail].filter(Boolean).join(" · ");
}

/** The current selection as offsets into the answer rendered by AnswerView, or null if it is not inside it. */
export function selectionOffsets(root: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const offsetOf = (node: Node, offset: number): number | null => {
    if (!root.contains(node)) return null;
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const run = element?.closest<HTMLElement>("[data-offset]");
    if (!run) {
      // The boundary sits on the paragraph itself: before or after the `offset`-th run.
      const runs = root.querySelectorAll<HTMLElement>("[data-offset]");
      const next = runs[offset];
      return next ? Number(next.dataset.offset) : (root.textContent ?? "").length;
    }
    return Number(run.dataset.offset) + (node.nodeType === Node.TEXT_NODE ? offset : offset === 0 ? 0 : (run.textContent ?? "").length);
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // Trim surrounding whitespace so a double-clicked word is just the word.
  const text = root.textContent ?? "";
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? "")) from += 1;
  while (to > from && /\s/.test(text[to - 1] ?? "")) to -= 1;
  return to > from ? { start: from, end: to } : null;
}
