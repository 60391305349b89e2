"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState } from "react";
import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import { groundTruth } from "@/lib/review/ground-truth/ground-truth";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import { CommentThread } from "../comments/comment-thread";
import { VideoPlayer, type VideoPlayerHandle } from "../video/video-player";
import { AnswerView } from "./answer-view";
import { AuditPanel } from "./audit-panel";
import { describeTargets, modeLabel } from "./format";
import { GroundTruthPanel } from "./ground-truth-panel";
import { withSavedAudit } from "./item-cache";
import { itemShortcuts } from "./item-shortcuts";
import { reviewKeys } from "./query-keys";
import { RelatedPanel } from "./related-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { type SavedAudit, useAuditDraft } from "./use-audit-draft";
import { useItemActions } from "./use-item-actions";
import { useShortcuts } from "./use-shortcuts";
import { VerdictPanel } from "./verdict-panel";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

interface ItemWorkspaceProps {
  detail: GetReviewQueueItemResponse;
  /** Researchers and admins: the queue's metrics, and every item's number in the queue. */
  canManage: boolean;
  /** Loads the saved audit afresh (after a conflict), dropping this draft. */
  onReload: () => Promise<void>;
  /** Shows another item of the queue (j, k, submit and skip move on with it). */
  onOpen: (itemId: number) => void;
}

/** The item screen: player and ground truth on one side, question, answer, audit and verdict on the other. */
export function ItemWorkspace({ detail, canManage, onReload, onOpen }: ItemWorkspaceProps) {
  const queueId = detail.queue.id;
  const itemId = detail.item.id;
  const queryClient = useQueryClient();
  const player = useRef<VideoPlayerHandle>(null);
  const answerRoot = useRef<HTMLElement>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);

  const saved = useMemo(() => savedAudit(detail.audit), [detail.audit]);
  // Every save's answer goes into the cached item: coming back to it shows what was saved.
  const onSaved = useCallback(
    (audit: PutReviewQueueItemAuditResponse) =>
      queryClient.setQueryData<GetReviewQueueItemResponse>(reviewKeys.item(queueId, itemId), (old) => old && withSavedAudit(old, audit)),
    [queryClient, queueId, itemId],
  );
  const audit = useAuditDraft(queueId, itemId, saved, { readOnly: detail.auditFinal, onSaved });
  const actions = useItemActions(detail, audit, player, answerRoot, onOpen);
  const shortcuts = itemShortcuts(audit, actions, player, (open) => setHelpOpen((current) => open ?? !current));
  useShortcuts(shortcuts);

  const truth = useMemo(() => groundTruth(detail.question.targets, detail.labels, detail.video), [detail]);
  const markers = truth.markers.map((m) => ({ id: m.id, start: m.start, end: m.end, label: m.label, highlight: m.isTarget }));
  const boxes = truth.boxes.map((b) => ({ id: b.id, time: b.time, box: b.box, label: b.label, highlight: b.isTarget }));
  const fps = detail.video.fps ?? 25;
  const { notice, busy, submitted, holdsItem } = actions;

  const targets = describeTargets(detail.question.targets);
  const verdictForHighlights = detail.verdictHidden ? null : detail.verdict;

  return (
    <main data-testid="review-item" data-item-id={itemId}>
      <header className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <Link href={`/review/${queueId}`} className="text-indigo-700 hover:underline">
          ← {detail.queue.name}
        </Link>
        <span className="font-medium text-slate-700" data-testid="item-place">
          {itemPlace(detail)}
        </span>
        <span className="text-slate-500">
          {detail.dataset.name} · {detail.generation.cycle.runName} cycle {detail.generation.cycle.index}
        </span>
        {detail.queue.blind && (
          <Badge
            tone="info"
            data-testid="blind-badge"
            title="The verifier's verdict is hidden until you submit; a submitted audit is final"
          >
            Blind
          </Badge>
        )}
        {canManage && (
          <Link href={`/review/${queueId}/metrics`} className="ml-auto text-indigo-700 hover:underline">
            Metrics
          </Link>
        )}
        <Button variant="secondary" size="xs" className={canManage ? undefined : "ml-auto"} onClick={() => setHelpOpen(true)}>
          Shortcuts <kbd>?</kbd>
        </Button>
      </header>

      {audit.saveState.kind === "conflict" ? (
        <div
          role="alert"
          className="mb-3 flex items-center gap-3 rounded bg-rose-50 px-3 py-2 text-sm text-rose-900"
          data-testid="audit-conflict"
        >
          <span className="flex-1">{audit.saveState.message}.</span>
          <Button variant="secondary" size="sm" onClick={() => void onReload()}>
            Load the saved audit
          </Button>
        </div>
      ) : (
        notice && (
          <p role="alert" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {notice}
          </p>
        )
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div>
          {detail.video.mediaStatus === "UNPLAYABLE" ? (
            <p className="rounded bg-slate-100 p-6 text-sm text-slate-600">This clip cannot be played in a browser.</p>
          ) : (
            <VideoPlayer
              ref={player}
              src={detail.video.src}
              fps={fps}
              width={detail.video.width}
              height={detail.video.height}
              markers={markers}
              boxes={boxes}
              segments={truth.segments}
              onTimeChange={setCurrentTime}
            />
          )}
          <p className="mt-1 font-mono text-xs text-slate-500" data-testid="current-time">
            {currentTime.toFixed(2)} s · {fps} fps
          </p>
          <div className="mt-4">
            <GroundTruthPanel view={truth} onSeek={(t) => player.current?.seek(t)} />
          </div>
        </div>

        <div className="space-y-4">
          <section aria-label="Question">
            <h1 className="text-lg font-semibold" data-testid="question-text">
              {detail.question.text}
            </h1>
            <p className="mt-1 text-sm">
              <Badge tone={detail.generation.mode === "RATIONALIZATION" ? "warning" : "neutral"}>{modeLabel(detail.generation.mode)}</Badge>
              {detail.generation.mode === "RATIONALIZATION" && (
                <span className="ml-2 text-slate-600" data-testid="given-label">
                  The model was given the label: <strong>{targets.join("; ")}</strong>
                </span>
              )}
            </p>
          </section>

          {/* Bounded, so the verdict buttons below stay on the first screen however long the answer. */}
          <section
            aria-label="Answer"
            ref={answerRoot}
            className="max-h-48 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3"
          >
            <AnswerView text={detail.generation.text} verdict={verdictForHighlights} spans={audit.draft.hallucinatedSpans} />
            <p className="mt-2 text-xs text-slate-400">
              {detail.generation.model}
              {detail.generation.simulated && <SimulatedBadge className="ml-1" />}
              {detail.generation.latencyMs !== null ? ` · ${detail.generation.latencyMs} ms` : ""}
            </p>
          </section>

          {holdsItem ? (
            <AuditPanel
              draft={audit.draft}
              answer={detail.generation.text}
              saveState={audit.saveState}
              submitted={submitted}
              canUndo={audit.canUndo}
              canRedo={audit.canRedo}
              onChange={audit.change}
              onUndo={audit.undo}
              onRedo={audit.redo}
              onSubmit={() => void actions.submit()}
              onMarkSelection={actions.markSelection}
              onTieSpan={actions.tieSpan}
              onSeek={(t) => player.current?.seek(t)}
              submitting={busy}
              readOnly={audit.readOnly}
            />
          ) : (
            <p className="rounded bg-slate-50 p-3 text-sm text-slate-600">
              You are viewing this item; it is not assigned to you{detail.assignment?.status === "RELEASED" ? " (you skipped it)" : ""}.
            </p>
          )}

          <VerdictPanel detail={detail} />
        </div>
      </div>

      <RelatedPanel detail={detail} />
      <CommentThread generationId={detail.generation.id} />
      {helpOpen && <ShortcutsHelp shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />}
    </main>
  );
}

function savedAudit(audit: GetReviewQueueItemResponse["audit"]): SavedAudit {
  return {
    version: audit?.version ?? null,
    draft: {
      verdict: audit?.verdict ?? null,
      hallucinatedSpans: (audit?.hallucinatedSpans ?? []).map(({ start, end, videoStartSec, videoEndSec }) => ({
        start,
        end,
        videoStartSec,
        videoEndSec,
      })),
      labelPresent: audit?.labelPresent ?? null,
      qualityScore: audit?.qualityScore ?? null,
      note: audit?.note ?? "",
    },
  };
}

/** "item 5 of 21": this person's place in the queue; for a manager viewing an item not theirs, its number in the queue. */
function itemPlace(detail: GetReviewQueueItemResponse): string {
  const gold = detail.item.isGold ? " · gold" : "";
  if (detail.navigation.ordinal !== null) return `item ${detail.navigation.ordinal} of ${detail.queue.size}${gold}`;
  if (detail.item.number !== null) return detail.item.isGold ? `gold item G${detail.item.number}` : `queue item ${detail.item.number}`;
  return "skipped item";
}
