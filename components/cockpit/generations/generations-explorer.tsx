"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { GetGenerationsResponse } from "@/app/api/generations/route";
import type { GetGenerationFacetsResponse } from "@/app/api/generations/facets/route";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { ExplorerFiltersBar } from "./explorer-filters-bar";
import { Highlighted } from "./highlighted";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

const FILTER_KEYS = ["cycleId", "datasetId", "mode", "verdict", "labelType", "audit", "q"] as const;

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

  function changeFilters(next: Record<string, string>) {
    const params = new URLSearchParams(Object.entries(next).filter(([, value]) => value !== ""));
    router.replace(`${pathname}?${params}`, { scroll: false });
  }

  const rows = pages.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <div className="space-y-4">
      <ExplorerFiltersBar key={filters.q ?? ""} filters={filters} facets={facets.data} onChange={changeFilters} />
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

function GenerationListItem({ row }: { row: GetGenerationsResponse["rows"][number] }) {
  return (
    <li className="px-4 py-3" data-testid="generation-row">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Link href={`/generations/${row.id}`} className="font-mono text-indigo-700 hover:underline">
          #{row.id}
        </Link>
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
      </div>
      <p className="mt-1 text-sm text-slate-600">{row.question}</p>
      <p className="mt-1 text-sm">{row.headline ? <Highlighted text={row.headline} /> : row.snippet}</p>
    </li>
  );
}
