"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { GetDatasetVideoResponse } from "@/app/api/datasets/[id]/videos/[videoId]/route";
import { apiFetch } from "../api-client";
import { describeTargets } from "../review/format";
import { VideoPlayer } from "../video/video-player";
import { describeLabel } from "./describe-label";
import { playerOverlays } from "./player-overlays";
import { datasetKeys } from "./query-keys";
import { Button } from "@/components/ui/button";
import type { VideoTile } from "./video-tile";

/**
 * A clip in a player, with what is known about it: its labels and the questions asked of it, in
 * words. A modal window: Escape or a click outside it closes it.
 */
export function VideoPanel({ datasetId, video, onClose }: { datasetId: number; video: VideoTile; onClose: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  // Focus inside the window, so Escape reaches it wherever the pointer is.
  useEffect(() => panel.current?.focus(), []);
  const detail = useQuery({
    queryKey: datasetKeys.video(datasetId, video.id),
    queryFn: () => apiFetch<GetDatasetVideoResponse>(`/api/datasets/${datasetId}/videos/${video.id}`).then((body) => body.video),
  });
  const info = detail.data;
  // A window cut out at ingest is the whole served file: no part of it to mark.
  const window = video.windowCut ? { startSec: null, endSec: null } : { startSec: video.clipStartSec, endSec: video.clipEndSec };
  const overlays = playerOverlays(info?.labels ?? [], window);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={`Clip ${video.key}`}
      className="fixed inset-0 z-10 flex items-start justify-center overflow-y-auto bg-slate-900/60 p-6"
      data-testid="clip-backdrop"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div ref={panel} tabIndex={-1} className="w-full max-w-4xl rounded-lg bg-white p-5 shadow-xl outline-none">
        <div className="mb-3 flex items-center gap-3">
          <h2 className="font-mono text-sm font-semibold">{video.key}</h2>
          <span className="text-xs text-slate-500">
            {video.split ?? "no split"}
            {video.clipStartSec !== null &&
              video.clipEndSec !== null &&
              ` · ${video.windowCut ? "cut from" : "clip"} ${video.clipStartSec}–${video.clipEndSec} s`}
            {info?.durationSec != null && ` · ${info.durationSec.toFixed(1)} s`}
            {info?.width != null && ` · ${info.width}×${info.height}`}
            {info?.fps != null && ` · ${Math.round(info.fps * 100) / 100} fps`}
          </span>
          <Button variant="secondary" size="sm" className="ml-auto" onClick={onClose}>
            Close
          </Button>
        </div>
        {video.mediaStatus === "READY" ? (
          <div data-testid="clip-player">
            <VideoPlayer
              src={`/api/media/videos/${video.id}`}
              poster={`/api/media/videos/${video.id}/poster`}
              fps={info?.fps ?? 25}
              width={info?.width ?? null}
              height={info?.height ?? null}
              markers={overlays.markers}
              boxes={overlays.boxes}
              segments={overlays.segments}
              hideTimeline={overlays.segments.length === 0}
            />
          </div>
        ) : (
          <p className="rounded bg-slate-100 p-6 text-sm text-slate-700">
            {video.mediaStatus === "UNPLAYABLE"
              ? `This clip cannot be played: ${video.unplayableReason ?? "no reason recorded"}`
              : "This clip is waiting for the media ingest."}
          </p>
        )}
        {info && (
          <div className="mt-4 grid gap-4 text-sm md:grid-cols-2">
            <section aria-labelledby="clip-labels-heading">
              <h3 id="clip-labels-heading" className="mb-1 font-medium">
                Labels
              </h3>
              <dl className="space-y-1">
                {info.labels.map((label) => (
                  <div key={label.key}>
                    <dt className="font-mono text-xs text-slate-500">
                      {label.key} · {label.kind.toLowerCase()}
                    </dt>
                    <dd className="break-words">{describeLabel(label.kind, label.value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <section aria-labelledby="clip-questions-heading">
              <h3 id="clip-questions-heading" className="mb-1 font-medium">
                Questions
              </h3>
              <ul className="space-y-2">
                {info.questions.map((question) => (
                  <li key={question.id}>
                    <p>{question.text}</p>
                    <p className="text-xs text-slate-500">
                      {question.kind} → {describeTargets(question.targets).join("; ") || "no target"}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
