"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { GetGenerationsResponse } from "@/app/api/generations/route";
import type { GetGenerationsCountResponse } from "@/app/api/generations/count/route";
import type { GetGenerationFacetsResponse } from "@/app/api/generations/facets/route";
import { formatNumber } from "@/lib/format/formatters";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { ExplorerFiltersBar } from "./explorer-filters-bar";
import { Highlighted } from "./highlighted";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

const FILTER_KEYS = ["cycleId", "datasetId", "mode", "verdict", "labelType", "audit", "q", "sort"] as const;

export function GenerationsExplorer() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const facets = useQuery({
    queryKey: [...cockpitKeys.generations.all, "facets"],
    queryFn: () => apiFetch<GetGenerationFacetsResponse>("/api/generations/facets"),
  });
  const pages = useInfiniteQuery({
    queryKey: cockpitKeys.generations.list(filters),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ ...filters, limit: "50" });
      if (pageParam !== null) params.set("cursor", String(pageParam));
      return apiFetch<GetGenerationsResponse>(`/api/generations?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const { sort: _sort, ...countFilters } = filters;
  const count = useQuery({
    queryKey: cockpitKeys.generations.count(countFilters),
    queryFn: () => apiFetch<GetGenerationsCountResponse>(`/api/generations/count?${new URLSearchParams(countFilters)}`),
  });

  function changeFilters(next: Record<string, string>) {
    const params = new URLSearchParams(Object.entries(next).filter(([, value]) => value !== ""));
    router.replace(`${pathname}?${params}`, { scroll: false });
  }

  const rows = pages.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <div className="space-y-4">
      <ExplorerFiltersBar key={filters.q ?? ""} filters={filters} facets={facets.data} onChange={changeFilters} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p className="text-slate-700" data-testid="generations-total" aria-live="polite">
          {count.data === undefined
            ? "Counting…"
            : count.data.total === null
              ? "Too many to count quickly"
              : `${count.data.estimated ? "About " : ""}${formatNumber(count.data.total)} generation${count.data.total === 1 ? "" : "s"}`}
          {filters.q ? ` match “${filters.q}”` : ""}
        </p>
        <label className="ml-auto flex items-center gap-2 text-slate-700">
          Sort
          <select
            aria-label="Sort"
            className="rounded border border-slate-300 px-2 py-1 text-sm"
            value={filters.sort ?? "newest"}
            onChange={(event) => changeFilters({ ...filters, sort: event.target.value === "newest" ? "" : event.target.value })}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </div>
      {pages.error && (
        <p role="alert" className="text-sm text-rose-700">
          {pages.error.message}
        </p>
      )}
      {pages.isSuccess && rows.length === 0 && <p className="text-slate-600">No generation matches these filters.</p>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Generations">
        {rows.map((row) => (
          <GenerationListItem key={row.id} row={row} />
        ))}
      </ul>
      {pages.hasNextPage && (
        <Button variant="secondary" size="sm" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
      {pages.isSuccess && !pages.hasNextPage && rows.length > 0 && <p className="text-xs text-slate-500">{rows.length} shown — the end.</p>}
    </div>
  );
}

/** A row is one link to the generation: a click anywhere on it opens it. */
function GenerationListItem({ row }: { row: GetGenerationsResponse["rows"][number] }) {
  return (
    <li data-testid="generation-row">
      <Link href={`/generations/${row.id}`} className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50">
        <span className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span className="font-mono text-indigo-700">#{row.id}</span>
          <span>{row.datasetName}</span>
          <span>
            · {row.runName} · cycle {row.cycleIndex}
          </span>
          <Badge tone={row.mode === "RATIONALIZATION" ? "warning" : "neutral"}>{row.mode.toLowerCase()}</Badge>
          {row.labelTypes.map((type) => (
            <Badge key={type}>{type}</Badge>
          ))}
          {row.passed === null ? (
            <Badge>unverified</Badge>
          ) : row.passed ? (
            <Badge tone="success">passed</Badge>
          ) : (
            <Badge tone="danger">failed</Badge>
          )}
          {row.audits > 0 && (
            <Badge tone={row.hallucinated > 0 ? "danger" : "info"}>
              {row.hallucinated > 0 ? `hallucinated (${row.hallucinated}/${row.audits})` : `audited ×${row.audits}`}
            </Badge>
          )}
          {row.simulated && <SimulatedBadge />}
        </span>
        <span className="mt-1 block text-sm text-slate-600" data-testid="generation-question">
          {row.question}
        </span>
        <span className="mt-1 block text-sm text-slate-900">{row.headline ? <Highlighted text={row.headline} /> : row.snippet}</span>
      </Link>
    </li>
  );
}
