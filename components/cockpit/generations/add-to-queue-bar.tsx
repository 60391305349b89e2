"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { GetReviewQueuesResponse } from "@/app/api/review/queues/route";
import type { PostReviewQueueItemsResponse } from "@/app/api/review/queues/[queueId]/items/route";
import { formatNumber } from "@/lib/format/formatters";
import { apiFetch } from "../../api-client";
import { Button } from "@/components/ui/button";

/** Which generations an add takes: the rows ticked, or everything the filters match. */
export interface ExplorerSelection {
  ids: ReadonlySet<number>;
  allMatching: boolean;
}

const QUEUES_KEY = ["review", "queues", "for-explorer"];

/**
 * Adds the selected generations, or all that match the explorer's filters, to an existing review
 * queue; the server refuses another cycle's generations for a queue of one cycle, and skips (and
 * counts) those already in the queue.
 */
export function AddToQueueBar({
  selection,
  filters,
  total,
  onSelectAll,
  onClear,
}: {
  selection: ExplorerSelection;
  filters: Record<string, string>;
  total: number | null | undefined;
  onSelectAll: (all: boolean) => void;
  onClear: () => void;
}) {
  const [queueId, setQueueId] = useState("");
  const queryClient = useQueryClient();
  const queues = useQuery({
    queryKey: QUEUES_KEY,
    queryFn: () => apiFetch<GetReviewQueuesResponse>("/api/review/queues?limit=200"),
  });
  const add = useMutation({
    mutationFn: () =>
      apiFetch<PostReviewQueueItemsResponse>(`/api/review/queues/${queueId}/items`, {
        method: "POST",
        body: JSON.stringify(selection.allMatching ? { filters } : { generationIds: [...selection.ids] }),
      }),
    onSuccess: () => {
      onClear();
      return queryClient.invalidateQueries({ queryKey: QUEUES_KEY });
    },
  });
  const count = selection.allMatching ? total : selection.ids.size;
  const chosen = queues.data?.rows.find((queue) => String(queue.id) === queueId);

  return (
    <section
      aria-label="Add to a review queue"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-sm"
    >
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={selection.allMatching} onChange={(event) => onSelectAll(event.target.checked)} />
        Select all matching{total ? ` (${formatNumber(total)})` : ""}
      </label>
      <span className="text-slate-700" data-testid="selection-count">
        {selection.allMatching
          ? `All ${count === null || count === undefined ? "matching" : formatNumber(count)} generations selected`
          : `${formatNumber(selection.ids.size)} selected`}
      </span>
      <label className="ml-auto flex items-center gap-2">
        Review queue
        <select
          aria-label="Review queue"
          className="rounded border border-slate-300 px-2 py-1 text-sm"
          value={queueId}
          onChange={(event) => {
            setQueueId(event.target.value);
            add.reset();
          }}
        >
          <option value="">choose a queue</option>
          {queues.data?.rows.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name} — {queue.cycleId === null ? "any cycle" : `${queue.runName ?? "run"} · cycle ${queue.cycleIndex}`}
              {queue.status === "CLOSED" ? " (closed)" : ""}
            </option>
          ))}
        </select>
      </label>
      <Button
        variant="primary"
        size="sm"
        disabled={!queueId || add.isPending || (!selection.allMatching && selection.ids.size === 0)}
        onClick={() => add.mutate()}
      >
        {add.isPending ? "Adding…" : "Add to queue"}
      </Button>
      {add.data && (
        <p role="status" className="basis-full text-emerald-800" data-testid="add-to-queue-result">
          Added {formatNumber(add.data.added)} to “{chosen?.name ?? `queue ${add.data.queueId}`}” (now {formatNumber(add.data.size)} items)
          {add.data.duplicates > 0 ? `; ${formatNumber(add.data.duplicates)} already in it were skipped` : ""}
          {add.data.notReviewable > 0
            ? `; ${formatNumber(add.data.notReviewable)} evaluation answers are not reviewed and were left out`
            : ""}
          .
        </p>
      )}
      {add.error && (
        <p role="alert" className="basis-full text-rose-700">
          {add.error.message}
        </p>
      )}
      {queues.error && (
        <p role="alert" className="basis-full text-rose-700">
          {queues.error.message}
        </p>
      )}
    </section>
  );
}
