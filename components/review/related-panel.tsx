"use client";

import { useState } from "react";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import { modeLabel } from "./format";
import { Button } from "@/components/ui/button";

/** What the panel reads of an item (the generation detail page passes the same shapes). */
type RelatedPanelDetail = Pick<GetReviewQueueItemResponse, "related"> & {
  generation: Pick<GetReviewQueueItemResponse["generation"], "mode" | "text"> & {
    cycle: Pick<GetReviewQueueItemResponse["generation"]["cycle"], "id" | "index">;
  };
};

/**
 * Side by side: this answer next to its counterpart of the same cycle (the direct answer beside
 * its rationalization), then the same question in other cycles.
 */
export function RelatedPanel({ detail }: { detail: RelatedPanelDetail }) {
  const counterpart = detail.related.find((other) => other.cycleId === detail.generation.cycle.id && other.mode !== detail.generation.mode);
  const others = detail.related.filter((other) => other !== counterpart);
  if (detail.related.length === 0) return null;
  return (
    <section aria-label="Side by side" className="mt-6" data-testid="side-by-side">
      <h2 className="text-sm font-semibold text-slate-700">Side by side</h2>
      {counterpart && (
        <div className="mt-2 grid grid-cols-2 gap-3">
          <Card
            title={`This ${modeLabel(detail.generation.mode).toLowerCase()} · cycle ${detail.generation.cycle.index}`}
            text={detail.generation.text}
            highlight
          />
          <RelatedCard related={counterpart} />
        </div>
      )}
      {others.length > 0 && (
        <>
          <h3 className="mt-4 text-xs font-semibold tracking-wide text-slate-500 uppercase">The same question in other cycles</h3>
          <div className="mt-2 grid grid-cols-2 gap-3">
            {others.map((other) => (
              <RelatedCard key={other.id} related={other} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function RelatedCard({ related }: { related: GetReviewQueueItemResponse["related"][number] }) {
  const verdict = related.passed === null ? "" : related.passed ? " · passed" : " · failed";
  return (
    <Card
      title={`${modeLabel(related.mode)} · ${related.runName} cycle ${related.cycleIndex}${verdict}`}
      text={related.text}
      passed={related.passed}
    />
  );
}

function Card({ title, text, highlight, passed }: { title: string; text: string; highlight?: boolean; passed?: boolean | null }) {
  const [open, setOpen] = useState(false);
  const border = highlight
    ? "border-indigo-300"
    : passed === true
      ? "border-emerald-200"
      : passed === false
        ? "border-rose-200"
        : "border-slate-200";
  return (
    <article className={`rounded-lg border ${border} bg-white p-3 text-sm`}>
      <h4 className="text-xs font-medium text-slate-500">{title}</h4>
      <p className={`mt-1 whitespace-pre-wrap text-slate-800 ${open ? "" : "line-clamp-6"}`}>{text}</p>
      {text.length > 400 && (
        <Button variant="ghost" size="xs" className="mt-1" onClick={() => setOpen(!open)}>
          {open ? "Less" : "More"}
        </Button>
      )}
    </article>
  );
}
