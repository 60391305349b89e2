"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { Button } from "@/components/ui/button";
import { formatStatus } from "@/lib/format/formatters";

/** The queues this person may work on, newest first, with progress; pages by keyset. */
export function QueueList({ canManage }: { canManage: boolean }) {
  const queues = useInfiniteQuery({
    queryKey: reviewKeys.queues(),
    queryFn: ({ pageParam }) => reviewApi.queues(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
  const rows = queues.data?.pages.flatMap((page) => page.rows) ?? [];
  if (queues.isPending) return <p className="mt-6 text-slate-500">Loading queues…</p>;
  if (queues.isError)
    return (
      <p role="alert" className="mt-6 text-rose-700">
        {queues.error.message}
      </p>
    );
  if (rows.length === 0) {
    return (
      <p className="mt-6 text-slate-600">
        {canManage ? "No review queue yet: make one from a cycle." : "No review queue is assigned to you yet."}
      </p>
    );
  }
  return (
    <>
      <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Review queues">
        {rows.map((queue) => {
          const target = queue.size * queue.overlap;
          return (
            <li key={queue.id} className="flex items-center gap-4 px-4 py-3">
              <div className="min-w-0 flex-1">
                <Link href={`/review/${queue.id}`} className="font-medium hover:text-indigo-700">
                  {queue.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {queue.runName ? `${queue.runName} · cycle ${queue.cycleIndex}` : "no cycle"} · {formatStatus(queue.sampling)} ·{" "}
                  {queue.size} items
                  {queue.overlap > 1 ? ` × ${queue.overlap}` : ""}
                  {queue.blind ? " · blind" : ""} · {formatStatus(queue.status)}
                </p>
              </div>
              {queue.submitted === null ? (
                // An annotator sees their own progress only.
                <p className="w-40 text-xs text-slate-500">{queue.mySubmitted} submitted by you</p>
              ) : (
                <div className="w-40">
                  <div
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={target}
                    aria-valuenow={queue.submitted}
                    className="h-2 rounded bg-slate-100"
                    aria-label={`${queue.submitted} of ${target} audits`}
                  >
                    <div
                      className="h-2 rounded bg-indigo-500"
                      style={{ width: `${Math.min(100, target > 0 ? (queue.submitted / target) * 100 : 0)}%` }}
                    />
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    {queue.submitted}/{target} audits · mine {queue.mySubmitted}
                  </p>
                </div>
              )}
              {canManage && (
                <Link href={`/review/${queue.id}/metrics`} className="text-sm text-slate-600 hover:text-indigo-700">
                  Metrics
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {queues.hasNextPage && (
        <Button variant="ghost" size="sm" className="mt-3" onClick={() => void queues.fetchNextPage()} disabled={queues.isFetchingNextPage}>
          More queues
        </Button>
      )}
    </>
  );
}
