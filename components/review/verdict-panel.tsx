"use client";

import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import { Badge } from "@/components/ui/badge";

/** The verifier's verdict: passed or not, score against threshold, method, and each label part found or missing. */
export function VerdictPanel({ detail }: { detail: Pick<GetReviewQueueItemResponse, "verdict" | "verdictHidden"> }) {
  if (detail.verdictHidden) {
    return (
      <section
        aria-label="Verifier verdict"
        className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-500"
        data-testid="verdict-hidden"
      >
        Blind queue: the verifier&apos;s verdict and highlights appear after you submit.
      </section>
    );
  }
  const verdict = detail.verdict;
  if (!verdict)
    return (
      <section aria-label="Verifier verdict" className="text-sm text-slate-500">
        Not verified yet.
      </section>
    );
  return (
    <section aria-label="Verifier verdict" className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="verdict">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={verdict.passed ? "success" : "danger"}>{verdict.passed ? "Passed" : "Failed"}</Badge>
        <span>
          score <strong>{verdict.score.toFixed(3)}</strong>
          {verdict.threshold !== null && <> vs threshold {verdict.threshold}</>}
        </span>
        <span className="font-mono text-xs text-slate-500">{verdict.method}</span>
        <span className="text-xs text-slate-400">verifier {verdict.verifierVersion}</span>
      </div>
      {verdict.matches.length > 0 && (
        <ul className="mt-2 space-y-1">
          {verdict.matches.map((part, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a verdict's matches are fixed and in label order
            <li key={index} className="flex gap-2 text-xs">
              <span className={part.matched === false ? "text-rose-700" : "text-emerald-700"}>
                {part.matched === false ? "missing" : "found"}
              </span>
              <span className="font-medium">{part.part}</span>
              {part.matched === false ? (
                <span className="text-slate-600">{part.reason}</span>
              ) : (
                <span className="text-slate-600">
                  “{part.text}”{part.similarity !== undefined && ` · similarity ${part.similarity.toFixed(3)}`}
                  {part.detail && ` · ${part.detail}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
