"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState, type RefObject } from "react";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import type { VideoPlayerHandle } from "../video/types";
import { selectionOffsets } from "./answer-view";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import type { useAuditDraft } from "./use-audit-draft";

type AuditDraftApi = ReturnType<typeof useAuditDraft>;

const FINAL_AUDIT =
  "Your audit is final: in a blind queue a submitted audit cannot be changed, since you have seen the verifier's verdict. Press j for the next item.";

/**
 * What a person can do on an item — submit, next, previous, skip, mark the selected text, tie a
 * span to the video — with one action at a time and its refusal shown as a notice.
 */
export function useItemActions(
  detail: GetReviewQueueItemResponse,
  audit: AuditDraftApi,
  player: RefObject<VideoPlayerHandle | null>,
  answerRoot: RefObject<HTMLElement | null>,
  onOpen: (itemId: number) => void,
) {
  const queueId = detail.queue.id;
  const itemId = detail.item.id;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitted = detail.assignment?.status === "SUBMITTED";
  const holdsItem = detail.assignment !== null && detail.assignment.status !== "RELEASED";

  const goTo = onOpen;

  const claimNext = useCallback(async () => {
    const { claim } = await reviewApi.next(queueId);
    void queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queueId) });
    if (claim) goTo(claim.itemId);
    else router.push(`/review/${queueId}?finished=1`);
  }, [queueId, queryClient, goTo, router]);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      if (busy) return;
      setBusy(true);
      setNotice(null);
      try {
        await work();
      } catch (error) {
        setNotice(error instanceof Error ? error.message : String(error));
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );

  const submit = () =>
    run(async () => {
      if (!holdsItem) throw new Error("This item is not assigned to you.");
      if (audit.readOnly) throw new Error(FINAL_AUDIT);
      if (audit.draft.verdict === null) throw new Error("Choose a verdict (1–4) before submitting.");
      await audit.submit();
      await queryClient.invalidateQueries({ queryKey: reviewKeys.item(queueId, itemId) });
      // In a blind queue, stay to see the verdict that was hidden; otherwise straight on.
      if (detail.queue.blind && !submitted) setNotice("Submitted. The verifier's verdict is now shown — press j for the next item.");
      else if (detail.navigation.nextItemId !== null) goTo(detail.navigation.nextItemId);
      else await claimNext();
    });

  const next = () =>
    run(async () => {
      await audit.flush();
      if (detail.navigation.nextItemId !== null) return goTo(detail.navigation.nextItemId);
      if (holdsItem && !submitted) throw new Error("Submit this item first (Enter), or skip it (s).");
      await claimNext();
    });

  const previous = () =>
    run(async () => {
      await audit.flush();
      if (detail.navigation.previousItemId === null) throw new Error("This is the first item you took.");
      goTo(detail.navigation.previousItemId);
    });

  const skip = () =>
    run(async () => {
      if (submitted || !holdsItem) throw new Error("Only an item you hold and have not submitted can be skipped.");
      await reviewApi.release(queueId, itemId);
      await claimNext();
    });

  const markSelection = () => {
    const range = selectionOffsets(answerRoot.current?.querySelector<HTMLElement>("[data-answer-root]") ?? null);
    if (!range) return setNotice("Select some words of the answer first, then press h.");
    setNotice(null);
    audit.change((d) =>
      d.hallucinatedSpans.some((s) => s.start === range.start && s.end === range.end)
        ? d
        : {
            ...d,
            hallucinatedSpans: [...d.hallucinatedSpans, { ...range, videoStartSec: null, videoEndSec: null }].sort(
              (a, b) => a.start - b.start,
            ),
          },
    );
    window.getSelection()?.removeAllRanges();
  };

  /** First press: the span starts at the current time; second: it ends there. */
  const tieSpan = (index: number) => {
    const now = Math.round((player.current?.currentTime() ?? 0) * 100) / 100;
    audit.change((d) => ({
      ...d,
      hallucinatedSpans: d.hallucinatedSpans.map((span, i) => {
        if (i !== index) return span;
        if (span.videoStartSec == null || span.videoEndSec != null) return { ...span, videoStartSec: now, videoEndSec: null };
        return now >= span.videoStartSec ? { ...span, videoEndSec: now } : { ...span, videoStartSec: now, videoEndSec: span.videoStartSec };
      }),
    }));
  };

  /** An edit of a final audit (a shortcut pressed on it): say why nothing happens. */
  const refuseEdit = () => setNotice(FINAL_AUDIT);

  return { submit, next, previous, skip, markSelection, tieSpan, refuseEdit, notice, busy, submitted, holdsItem };
}
