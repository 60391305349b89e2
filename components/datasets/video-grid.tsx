"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { GetDatasetVideosResponse } from "@/app/api/datasets/[id]/videos/route";
import { apiFetch } from "../api-client";
import { datasetKeys } from "./query-keys";
import type { VideoTile } from "./video-tile";
import { VideoPanel } from "./video-panel";
import { Button } from "@/components/ui/button";

const PAGE = 48;

/** The dataset's clips as poster thumbnails, a page at a time (keyset); a click opens the clip in a player. */
export function VideoGrid({ datasetId, splits }: { datasetId: number; splits: string[] }) {
  const [filter, setFilter] = useState({ split: "", status: "" });
  const [open, setOpen] = useState<VideoTile | null>(null);
  const videos = useInfiniteQuery({
    queryKey: datasetKeys.videos(datasetId, filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (pageParam !== null) params.set("cursor", String(pageParam));
      if (filter.split) params.set("split", filter.split === "(none)" ? "" : filter.split);
      if (filter.status) params.set("status", filter.status);
      return apiFetch<GetDatasetVideosResponse>(`/api/datasets/${datasetId}/videos?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const tiles = videos.data?.pages.flatMap((page) => page.videos) ?? [];
  const select = "rounded border border-slate-300 px-2 py-1 text-sm";

  return (
    <div>
      <div className="mb-3 flex gap-3">
        <select
          aria-label="Split"
          value={filter.split}
          onChange={(e) => setFilter({ ...filter, split: e.target.value })}
          className={select}
        >
          <option value="">All splits</option>
          {splits.map((split) => (
            <option key={split} value={split === "" ? "(none)" : split}>
              {split === "" ? "(no split)" : split}
            </option>
          ))}
        </select>
        <select
          aria-label="Media status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value })}
          className={select}
        >
          <option value="">Any media status</option>
          <option value="READY">Playable</option>
          <option value="PENDING">Waiting for ingest</option>
          <option value="UNPLAYABLE">Unplayable</option>
        </select>
      </div>
      {videos.error && (
        <p role="alert" className="text-sm text-rose-700">
          {videos.error.message}
        </p>
      )}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6" aria-label="Clips">
        {tiles.map((video) => (
          <li key={video.id}>
            <button
              type="button"
              onClick={() => setOpen(video)}
              className="group block w-full text-left"
              aria-label={`Open clip ${video.key}`}
            >
              <div className="aspect-video overflow-hidden rounded bg-slate-200">
                {video.mediaStatus === "READY" ? (
                  // A plain <img>: posters come from our session-checked media route, already small.
                  <img
                    src={`/api/media/videos/${video.id}/poster`}
                    alt=""
                    loading="lazy"
                    className="h-full w-full object-cover group-hover:opacity-80"
                  />
                ) : (
                  <span
                    className={`flex h-full items-center justify-center text-xs ${video.mediaStatus === "UNPLAYABLE" ? "text-rose-700" : "text-slate-500"}`}
                  >
                    {video.mediaStatus === "UNPLAYABLE" ? "unplayable" : "waiting for ingest"}
                  </span>
                )}
              </div>
              <span className="mt-1 block truncate font-mono text-xs text-slate-700" title={video.key}>
                {video.key}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {tiles.length === 0 && !videos.isPending && <p className="text-sm text-slate-600">No clips match.</p>}
      {videos.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-4"
          onClick={() => void videos.fetchNextPage()}
          disabled={videos.isFetchingNextPage}
        >
          {videos.isFetchingNextPage ? "Loading…" : "More clips"}
        </Button>
      )}
      {open && <VideoPanel datasetId={datasetId} video={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
