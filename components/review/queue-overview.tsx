"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { verdictLabel } from "./format";
import { useShortcuts } from "./use-shortcuts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatStatus } from "@/lib/format/formatters";
import { MemberProgress } from "./member-progress";

export interface QueueOverviewProps {
  queue: {
    id: number;
    name: string;
    status: string;
    sampling: string;
    size: number;
    overlap: number;
    blind: boolean;
    leaseSeconds: number;
    runName: string | null;
    cycleIndex: number | null;
    members: { id: string; name: string }[];
  };
  canManage: boolean;
  finished: boolean;
}

/** A queue's front page: start (or go on) reviewing, your history, and for researchers the items and settings. */
export function QueueOverview({ queue, canManage, finished }: QueueOverviewProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(finished ? "Nothing left for you in this queue — thank you!" : null);
  const start = useMutation({
    mutationFn: () => reviewApi.next(queue.id),
    onSuccess: ({ claim }) => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queue.id) });
      if (claim) router.push(`/review/${queue.id}/items/${claim.itemId}`);
      else setMessage("Nothing left for you in this queue — thank you!");
    },
    onError: (error) => setMessage(error.message),
  });
  const settings = useMutation({
    mutationFn: (body: Record<string, unknown>) => reviewApi.updateQueue(queue.id, body),
    onSuccess: () => router.refresh(),
    onError: (error) => setMessage(error.message),
  });
  useShortcuts([{ keys: ["Enter", "n"], label: "Start reviewing", run: () => start.mutate() }]);

  return (
    <main>
      <h1 className="text-2xl font-semibold">{queue.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {queue.runName ? `${queue.runName} · cycle ${queue.cycleIndex}` : "no cycle"} · {formatStatus(queue.sampling)} · {queue.size} items
        {queue.overlap > 1 ? `, each to ${queue.overlap} people` : ""} · {formatStatus(queue.status)}
      </p>
      <p className="mt-2 text-sm" data-testid="blind-state">
        {queue.blind ? (
          <>
            <Badge tone="info">Blind</Badge>{" "}
            <span className="text-slate-700">
              The verifier&apos;s verdict stays hidden until you submit, and a submitted audit is final.
            </span>
          </>
        ) : (
          <>
            <Badge>Not blind</Badge> <span className="text-slate-700">The verifier&apos;s verdict is shown while you audit.</span>
          </>
        )}
      </p>
      <div className="mt-4 flex items-center gap-3">
        <Button variant="primary" size="lg" onClick={() => start.mutate()} disabled={start.isPending || queue.status === "CLOSED"}>
          {start.isPending ? "Taking an item…" : "Start reviewing"} <kbd className="ml-1 rounded bg-indigo-500 px-1 text-xs">Enter</kbd>
        </Button>
        {canManage && (
          <Link href={`/review/${queue.id}/metrics`} className="text-indigo-700 hover:underline">
            Metrics
          </Link>
        )}
        {canManage && queue.overlap > 1 && (
          <Link href={`/review/${queue.id}/adjudicate`} className="text-indigo-700 hover:underline">
            Disagreements
          </Link>
        )}
        {canManage && (
          <span className="text-sm text-slate-700">
            Download audits:{" "}
            <a href={`/api/review/queues/${queue.id}/audits?format=csv`} download className="text-indigo-700 hover:underline">
              CSV
            </a>{" "}
            ·{" "}
            <a href={`/api/review/queues/${queue.id}/audits?format=jsonl`} download className="text-indigo-700 hover:underline">
              JSONL
            </a>
          </span>
        )}
      </div>
      {message && (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {message}
        </p>
      )}
      <History queueId={queue.id} />
      {canManage && (
        <>
          <section className="mt-8" aria-label="Settings">
            <h2 className="font-semibold">Settings</h2>
            <div className="mt-2 flex flex-wrap gap-2 text-sm">
              <Button
                variant="secondary"
                size="sm"
                disabled={settings.isPending}
                onClick={() => settings.mutate({ status: queue.status === "OPEN" ? "CLOSED" : "OPEN" })}
              >
                {queue.status === "OPEN" ? "Close the queue" : "Reopen the queue"}
              </Button>
              <Button variant="secondary" size="sm" disabled={settings.isPending} onClick={() => settings.mutate({ blind: !queue.blind })}>
                {queue.blind ? "Show verdicts (leave blind mode)" : "Blind mode"}
              </Button>
              {settings.isPending && <span className="self-center text-slate-500">Saving…</span>}
            </div>
            <p className="mt-2 text-sm text-slate-600">Members: {queue.members.map((member) => member.name).join(", ") || "none"}</p>
          </section>
          <MemberProgress queueId={queue.id} />
          <Items queueId={queue.id} />
        </>
      )}
    </main>
  );
}

function History({ queueId }: { queueId: number }) {
  const history = useInfiniteQuery({
    queryKey: reviewKeys.history(queueId),
    queryFn: ({ pageParam }) => reviewApi.history(queueId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = history.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <section className="mt-8" aria-label="Your items">
      <h2 className="font-semibold">Your items</h2>
      {history.isPending ? (
        <p className="mt-2 text-sm text-slate-500">Loading your items…</p>
      ) : history.isError ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {history.error.message}
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">None yet: start reviewing to take your first item.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
          {rows.map((row) => (
            <li key={row.assignmentId} className="flex gap-3 px-3 py-2">
              <Link href={`/review/${queueId}/items/${row.itemId}`} className="flex-1 truncate hover:text-indigo-700">
                {row.questionText}
              </Link>
              <span className="text-slate-500">{row.status === "SUBMITTED" ? verdictLabel(row.verdict) : formatStatus(row.status)}</span>
            </li>
          ))}
        </ul>
      )}
      {history.hasNextPage && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2"
          onClick={() => void history.fetchNextPage()}
          disabled={history.isFetchingNextPage}
        >
          {history.isFetchingNextPage ? "Loading…" : "More"}
        </Button>
      )}
    </section>
  );
}

function Items({ queueId }: { queueId: number }) {
  const items = useInfiniteQuery({
    queryKey: reviewKeys.items(queueId),
    queryFn: ({ pageParam }) => reviewApi.items(queueId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = items.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <section className="mt-8" aria-label="Items">
      <h2 className="font-semibold">Items</h2>
      <p className="mt-1 text-xs text-slate-500">
        Gold items (known answers) are numbered on their own, G1, G2…, apart from the sampled ones.
      </p>
      {items.isPending && <p className="mt-2 text-sm text-slate-500">Loading items…</p>}
      {items.isError && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {items.error.message}
        </p>
      )}
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">#</th>
            <th>Question</th>
            <th>Dataset · mode</th>
            <th>Verifier</th>
            <th>Audits</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="queue-item-row">
              <td className="py-1 whitespace-nowrap" data-testid="queue-item-number">
                {row.isGold ? (
                  <>
                    G{row.number} <Badge tone="warning">gold</Badge>
                  </>
                ) : (
                  row.number
                )}
              </td>
              <td className="max-w-xs truncate">
                <Link href={`/review/${queueId}/items/${row.id}`} className="hover:text-indigo-700">
                  {row.questionText}
                </Link>
              </td>
              <td>
                {row.datasetName} · {row.mode.toLowerCase()}
              </td>
              <td>{row.passed === null ? "—" : row.passed ? "passed" : "failed"}</td>
              <td>
                {row.submitted} done{row.activeLeases ? `, ${row.activeLeases} open` : ""}
                {row.verdicts.length ? ` (${row.verdicts.map(verdictLabel).join(", ")})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.hasNextPage && (
        <Button variant="ghost" size="sm" className="mt-2" onClick={() => void items.fetchNextPage()} disabled={items.isFetchingNextPage}>
          {items.isFetchingNextPage ? "Loading…" : "More items"}
        </Button>
      )}
    </section>
  );
}
