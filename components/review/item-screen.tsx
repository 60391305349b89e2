"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { ItemWorkspace } from "./item-workspace";

/** One queue item: loads everything in one request, then the keyboard-first workspace. */
export function ItemScreen({ queueId, itemId }: { queueId: number; itemId: number }) {
  const item = useQuery({ queryKey: reviewKeys.item(queueId, itemId), queryFn: () => reviewApi.item(queueId, itemId), staleTime: 30_000 });
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
  return <ItemWorkspace key={itemId} detail={item.data} />;
}
