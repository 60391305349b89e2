"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Asks before a run is cancelled, and says what can be done with it afterwards: Resume, or Retry by reason. */
export function CancelConfirm({ onConfirm, onKeep, busy }: { onConfirm: () => void; onKeep: () => void; busy: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  // The safe choice has the focus: Enter keeps the run going.
  useEffect(() => box.current?.querySelector<HTMLButtonElement>("[data-keep]")?.focus(), []);
  return (
    <div
      ref={box}
      role="alertdialog"
      aria-labelledby="cancel-run-title"
      aria-describedby="cancel-run-what"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-slate-800"
      onKeyDown={(event) => {
        if (event.key === "Escape") onKeep();
      }}
    >
      <p id="cancel-run-title" className="font-medium">
        Cancel this run?
      </p>
      <p id="cancel-run-what">
        Its current cycle stops after the batches already running (a training job is cancelled) and no further cycle starts. Nothing is
        deleted: every answer, verdict and checkpoint made so far is kept.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Resume</strong> (shown once the cycle has stopped) carries the run on from the stage it stopped in: what is already done
          is skipped, and every item that had been given up is tried again.
        </li>
        <li>
          <strong>Retry</strong> (beside a reason under “Errors by reason”) resumes it the same way, but tries again only the given-up items
          that failed for that reason.
        </li>
      </ul>
      <div className="flex gap-2 pt-1">
        <Button variant="danger" size="sm" disabled={busy} onClick={onConfirm}>
          Cancel the run
        </Button>
        <Button data-keep variant="secondary" size="sm" onClick={onKeep}>
          Keep it running
        </Button>
      </div>
    </div>
  );
}
