"use client";

import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import type { GetGenerationResponse } from "@/app/api/generations/[id]/route";
import { AUDIT_VERDICT_LABELS } from "@/lib/review/constants";
import { groundTruth } from "@/lib/review/ground-truth/ground-truth";
import { AnswerView } from "@/components/review/answer-view";
import { describeTargets, modeLabel } from "@/components/review/format";
import { GroundTruthPanel } from "@/components/review/ground-truth-panel";
import { RelatedPanel } from "@/components/review/related-panel";
import { VerdictPanel } from "@/components/review/verdict-panel";
import { VideoPlayer } from "@/components/video/video-player";
import type { VideoPlayerHandle } from "@/components/video/types";
import { Section } from "../ui";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

type Generation = GetGenerationResponse["generation"];

/**
 * One generation, read-only, laid out as the review item screen lays out an item (and drawn with its
 * components): the clip with its label overlays and the ground truth beside the question, the answer
 * with the verifier's matched parts highlighted, the verdict, the audits, and the same question in
 * other cycles.
 */
export function GenerationDetailView({ generation }: { generation: Generation }) {
  const { question, cycle } = generation;
  const { video } = question;
  const player = useRef<VideoPlayerHandle>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [shownAuditId, setShownAuditId] = useState<number | null>(null);

  const truth = useMemo(() => groundTruth(question.targets, generation.labels, video), [question.targets, generation.labels, video]);
  const markers = truth.markers.map((m) => ({ id: m.id, start: m.start, end: m.end, label: m.label, highlight: m.isTarget }));
  const boxes = truth.boxes.map((b) => ({ id: b.id, time: b.time, box: b.box, label: b.label, highlight: b.isTarget }));
  const fps = video.fps ?? 25;
  const [latest, ...earlier] = generation.verdicts;
  const shownAudit = generation.audits.find((audit) => audit.id === shownAuditId);
  const targets = describeTargets(question.targets);
  // The panels take the review screen's item shapes; a generation outside a queue is never blind.
  const item = {
    verdict: latest ?? null,
    verdictHidden: false,
    related: generation.related,
    generation: { mode: generation.mode, text: generation.text, cycle: { id: cycle.id, index: cycle.index } },
  };

  return (
    <div className="space-y-6" data-testid="generation-detail">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{question.dataset.name}</span>·
        <Link href={`/cycles/${cycle.id}`} className="text-indigo-700 hover:underline">
          {cycle.run.name} · cycle {cycle.index}
        </Link>
        <span>sample {generation.sampleIndex}</span>·<span className="font-mono">{generation.model}</span>
        {generation.simulated && <SimulatedBadge />}
      </div>
      {generation.reviewItems.length > 0 ? (
        <ul className="flex flex-wrap gap-3 text-sm" aria-label="In review">
          {generation.reviewItems.map((reviewItem) => (
            <li key={reviewItem.itemId}>
              <Link href={`/review/${reviewItem.queueId}/items/${reviewItem.itemId}`} className="text-indigo-700 hover:underline">
                Open in review ({reviewItem.queueName})
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">Not in any review queue: create one from the review page to have it audited.</p>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div>
          {video.mediaStatus === "READY" ? (
            <div data-testid="generation-player">
              <VideoPlayer
                ref={player}
                src={video.src}
                fps={fps}
                width={video.width}
                height={video.height}
                markers={markers}
                boxes={boxes}
                segments={truth.segments}
                hideTimeline={truth.segments.length === 0}
                onTimeChange={setCurrentTime}
              />
              <p className="mt-1 font-mono text-xs text-slate-500" data-testid="current-time">
                {currentTime.toFixed(2)} s · {fps} fps
              </p>
            </div>
          ) : (
            <p className="rounded bg-slate-100 p-6 text-sm text-slate-600">
              {video.mediaStatus === "UNPLAYABLE"
                ? "This clip cannot be played in a browser."
                : "This clip is waiting for the media ingest."}
            </p>
          )}
          <p className="mt-1 text-xs text-slate-500">
            clip <span className="font-mono">{video.key}</span>
            {video.durationSec ? ` · ${video.durationSec.toFixed(1)} s` : ""}
            {question.split ? ` · ${question.split} split` : ""}
          </p>
          <div className="mt-4">
            <GroundTruthPanel view={truth} onSeek={(t) => player.current?.seek(t)} />
          </div>
        </div>

        <div className="space-y-4">
          <section aria-label="Question">
            <p className="text-lg font-semibold" data-testid="question-text">
              {question.text}
            </p>
            <p className="mt-1 text-sm">
              <Badge tone={generation.mode === "RATIONALIZATION" ? "warning" : "neutral"}>{modeLabel(generation.mode)}</Badge>
              <span className="ml-2 text-slate-600" data-testid="targets">
                {generation.mode === "RATIONALIZATION" ? "The model was given the label: " : "The answer had to contain: "}
                <strong>{targets.join("; ") || "—"}</strong>
              </span>
            </p>
          </section>

          <section aria-label="Answer" className="rounded-lg border border-slate-200 bg-white p-3">
            <AnswerView text={generation.text} verdict={latest ?? null} spans={shownAudit?.hallucinatedSpans ?? []} />
            <p className="mt-2 text-xs text-slate-400">
              {generation.latencyMs ?? "?"} ms · {generation.promptTokens ?? "?"} prompt + {generation.completionTokens ?? "?"} completion
              tokens
              {generation.finishReason ? ` · ${generation.finishReason}` : ""}
            </p>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-600">Prompt</summary>
              <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{generation.prompt}</pre>
            </details>
          </section>

          <VerdictPanel detail={item} />
          {earlier.length > 0 && (
            <ul className="space-y-1 text-xs text-slate-500" aria-label="Earlier verdicts">
              {earlier.map((verdict) => (
                <li key={verdict.id}>
                  verifier {verdict.verifierVersion}: {verdict.passed ? "passed" : "failed"} · score {verdict.score.toFixed(3)}
                  {verdict.threshold !== null ? ` vs threshold ${verdict.threshold}` : ""} · {verdict.method}
                </li>
              ))}
            </ul>
          )}

          <Section title="Audits">
            {generation.audits.length === 0 ? (
              <p className="text-sm text-slate-500">Nobody has audited this answer.</p>
            ) : (
              <ul className="space-y-3 text-sm" data-testid="audits">
                {generation.audits.map((audit) => (
                  <li key={audit.id} data-testid="audit">
                    <span className="font-medium">{audit.userName}</span>:{" "}
                    {audit.verdict ? AUDIT_VERDICT_LABELS[audit.verdict].toLowerCase() : "no verdict"}
                    {audit.labelPresent !== null ? ` · label ${audit.labelPresent ? "present" : "not really there"}` : ""}
                    {audit.submittedAt ? "" : " · draft"}
                    {audit.note ? <span className="block text-slate-600">{audit.note}</span> : null}
                    {audit.hallucinatedSpans.length > 0 && (
                      <div className="mt-1">
                        <span className="text-xs text-slate-500">Marked as hallucinated: </span>
                        {audit.hallucinatedSpans.map((span) => (
                          <q key={`${span.start}-${span.end}`} className="mr-2 rounded-sm bg-rose-100 px-1 text-rose-950">
                            {span.text}
                          </q>
                        ))}
                        <Button
                          variant="ghost"
                          size="xs"
                          aria-pressed={shownAuditId === audit.id}
                          onClick={() => setShownAuditId(shownAuditId === audit.id ? null : audit.id)}
                        >
                          {shownAuditId === audit.id ? "Hide in the answer" : "Show in the answer"}
                        </Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>

      <RelatedPanel detail={item} />
      {generation.related.length === 0 && (
        <p className="text-sm text-slate-500" data-testid="no-related">
          No other answer to this question yet: no other cycle has asked it.
        </p>
      )}
    </div>
  );
}
