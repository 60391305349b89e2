"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { ApiError } from "../api-client";
import { keepNewerAudit } from "./item-cache";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { ItemWorkspace } from "./item-workspace";

/** One queue item: loads everything in one request, then the keyboard-first workspace. */
export function ItemScreen({ queueId, itemId, canManage }: { queueId: number; itemId: number; canManage: boolean }) {
  const queryClient = useQueryClient();
  const key = reviewKeys.item(queueId, itemId);
  const item = useQuery({
    queryKey: key,
    // Refetched on every visit (shown from the cache meanwhile): the screen always shows the latest saved audit.
    queryFn: async () => keepNewerAudit(queryClient.getQueryData(key), await reviewApi.item(queueId, itemId)),
    staleTime: 0,
    // Not found or not yours is an answer, not a hiccup: said at once, not after retries.
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
  });
  // Loading the saved audit after a conflict: a fresh workspace (draft, undo history) from it.
  const [reloads, setReloads] = useState(0);
  const refetch = item.refetch;
  const reload = useCallback(async () => {
    await refetch();
    setReloads((count) => count + 1);
  }, [refetch]);

  if (item.isPending) return <p className="text-slate-500">Loading item {itemId}…</p>;
  if (item.isError)
    return (
      <p role="alert" className="text-rose-700">
        {item.error.message} —{" "}
        <Link href={`/review/${queueId}`} className="underline">
          back to the queue
        </Link>
      </p>
    );
  // Keyed by item: a new item starts with a fresh draft, undo history and player state.
  return <ItemWorkspace key={`${itemId}:${reloads}`} detail={item.data} canManage={canManage} onReload={reload} />;
}
