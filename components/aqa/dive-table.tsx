"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { AqaMode } from "@/lib/aqa-review/aqa-modes";
import type { GetAqaCycleDivesResponse } from "@/app/api/aqa/cycles/[cycleId]/dives/route";
import { DIVE_FILTER_LABELS, DIVE_FILTERS, type DiveFilter } from "@/lib/aqa-review/dive-filters";
import { apiFetch } from "../api-client";
import { formatDifficulty, formatScore, formatSigned } from "./format";
import { aqaKeys } from "./query-keys";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

const PAGE_SIZE = 50;

/** The cycle's dives, a page at a time, filterable; each row opens its dive. */
export function DiveTable({ cycleId, mode }: { cycleId: number; mode: AqaMode }) {
  const [filter, setFilter] = useState<DiveFilter>("all");
  const dives = useInfiniteQuery({
    queryKey: aqaKeys.dives(cycleId, mode, filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ mode, filter, limit: String(PAGE_SIZE) });
      if (pageParam !== null) search.set("cursor", String(pageParam));
      return apiFetch<GetAqaCycleDivesResponse>(`/api/aqa/cycles/${cycleId}/dives?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = dives.data?.pages.flatMap((page) => page.items) ?? [];
  const total = dives.data?.pages[0]?.total;

  return (
    <section aria-labelledby="dives-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="dives-heading" className="text-lg font-semibold">
          Dives
        </h2>
        <label className="ml-auto text-sm text-slate-600">
          Show{" "}
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value as DiveFilter)}
            className="rounded border border-slate-300 px-2 py-1"
          >
            {DIVE_FILTERS.map((f) => (
              <option key={f} value={f}>
                {DIVE_FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        {total !== undefined && <span className="text-sm text-slate-500">{total} dives</span>}
      </div>
      {dives.error && (
        <p role="alert" className="text-sm text-rose-700">
          {dives.error.message}
        </p>
      )}
      <table className="w-full text-left text-sm tabular-nums">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="py-2">Dive</th>
            <th>Question</th>
            <th>True</th>
            <th>Predicted</th>
            <th>Error</th>
            <th>Difficulty</th>
            <th>Sub-actions</th>
            <th>Arithmetic</th>
            <th>Sign-off</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <DiveTableRow key={row.generationId} row={row} />
          ))}
        </tbody>
      </table>
      {dives.isPending && <p className="text-sm text-slate-500">Loading dives…</p>}
      {!dives.isPending && rows.length === 0 && <p className="text-sm text-slate-500">No dive matches.</p>}
      {dives.hasNextPage && (
        <Button variant="secondary" size="sm" onClick={() => dives.fetchNextPage()} disabled={dives.isFetchingNextPage}>
          {dives.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </section>
  );
}

function DiveTableRow({ row }: { row: GetAqaCycleDivesResponse["items"][number] }) {
  const mark = (ok: boolean | null, asked: boolean) =>
    ok === null ? (
      asked ? (
        <span className="text-rose-700">missing</span>
      ) : (
        "—"
      )
    ) : ok ? (
      <span className="text-emerald-700">right</span>
    ) : (
      <span className="text-rose-700">wrong</span>
    );
  return (
    <tr data-testid="dive-row">
      <td className="py-2">
        <Link href={`/aqa/dives/${row.generationId}`} className="font-medium text-indigo-700 hover:underline">
          {row.diveNumber} · {row.videoKey}
        </Link>
        {row.simulated && <SimulatedBadge className="ml-1" />}
        {row.recordWarning && (
          <span className="ml-1 text-xs text-amber-700" title={row.recordWarning}>
            record ⚠
          </span>
        )}
      </td>
      <td className="text-xs text-slate-500">{row.questionKind}</td>
      <td>{formatScore(row.trueScore)}</td>
      <td>{formatScore(row.predictedScore)}</td>
      <td>{formatSigned(row.scoreError)}</td>
      <td>
        {formatDifficulty(row.predictedDifficulty)} {mark(row.difficultyCorrect, row.difficultyAsked)}
      </td>
      <td>{mark(row.sequenceCorrect, row.sequenceAsked)}</td>
      <td>
        {row.arithmeticFlags.length > 0 ? (
          <Badge
            tone="danger"
            title={row.arithmeticFlags.map((f) => `stated ${f.claimed}, but ${f.rule} gives ${f.recomputed}`).join("\n")}
          >
            {row.arithmeticFlags.length} flag{row.arithmeticFlags.length > 1 ? "s" : ""}
          </Badge>
        ) : (
          <span className="text-slate-500">{row.arithmeticChecks} ok</span>
        )}
      </td>
      <td className="text-xs">
        {row.signOffs.mine ? (
          <span className={row.signOffs.mine === "ACCEPTED" ? "text-emerald-700" : "text-rose-700"}>
            you: {row.signOffs.mine.toLowerCase()}
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
        {row.signOffs.accepted + row.signOffs.rejected > 0 && (
          <span className="ml-1 text-slate-500">
            ({row.signOffs.accepted}✓ {row.signOffs.rejected}✗)
          </span>
        )}
      </td>
    </tr>
  );
}
