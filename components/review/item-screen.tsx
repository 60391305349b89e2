"use client";

import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GetReviewQueueItemResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/route";
import { ApiError } from "../api-client";
import { keepNewerAudit } from "./item-cache";
import { itemIdInPath, itemPath } from "./item-path";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { ItemWorkspace } from "./item-workspace";

/**
 * An item loaded this recently is shown without asking again: the page's own (rendered with it)
 * and the next one, fetched while this one is worked on. Anything older is refetched on every
 * visit (shown from the cache meanwhile), so the screen always shows the latest saved audit.
 */
const FRESH_MS = 2_000;

function itemQuery(queryClient: QueryClient, queueId: number, itemId: number) {
  const key = reviewKeys.item(queueId, itemId);
  return {
    queryKey: key,
    queryFn: async () => keepNewerAudit(queryClient.getQueryData(key), await reviewApi.item(queueId, itemId)),
    // Not found or not yours is an answer, not a hiccup: said at once, not after retries.
    retry: (failures: number, error: Error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
  };
}

interface ItemScreenProps {
  queueId: number;
  /** The item of the page's address; j and k then move on in the browser (the address follows). */
  itemId: number;
  canManage: boolean;
  /** The page's item as the server loaded it with the page (absent: the screen asks, and says why not). */
  initial?: GetReviewQueueItemResponse;
}

/** One queue item: shown from the cache when it is there (j's next item is fetched ahead), then the keyboard-first workspace. */
export function ItemScreen({ queueId, itemId: pageItemId, canManage, initial }: ItemScreenProps) {
  const queryClient = useQueryClient();
  // Moving between items changes the address without asking the server for a page; the item
  // moved to is shown at once (a plain update, not the router's transition), the address catching up.
  const pathItemId = itemIdInPath(usePathname(), queueId) ?? pageItemId;
  const [move, setMove] = useState<{ from: number; to: number } | null>(null);
  const itemId = move !== null && move.from === pathItemId ? move.to : pathItemId;
  useEffect(() => {
    if (move !== null && move.to === pathItemId) setMove(null);
  }, [move, pathItemId]);
  const open = useCallback(
    (target: number) => {
      setMove({ from: itemId, to: target });
      window.history.pushState(null, "", itemPath(queueId, target));
      window.scrollTo({ top: 0 });
    },
    [itemId, queueId],
  );
  const loadedAt = useRef(Date.now());
  const item = useQuery({
    ...itemQuery(queryClient, queueId, itemId),
    initialData: itemId === pageItemId ? initial : undefined,
    initialDataUpdatedAt: loadedAt.current,
    staleTime: FRESH_MS,
  });
  // The next of this person's items, fetched while this one is worked on: j then shows it at once.
  // Only items already handed to this person are fetched (reading claims nothing).
  const nextItemId = item.data?.navigation.nextItemId ?? null;
  useEffect(() => {
    if (nextItemId !== null) void queryClient.prefetchQuery({ ...itemQuery(queryClient, queueId, nextItemId), staleTime: FRESH_MS });
  }, [queryClient, queueId, nextItemId]);
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
  return <ItemWorkspace key={`${itemId}:${reloads}`} detail={item.data} canManage={canManage} onReload={reload} onOpen={open} />;
}
