"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { GetGenerationsResponse } from "@/app/api/generations/route";
import type { GetExplorerViewResponse } from "@/app/api/generations/views/[viewId]/route";
import type { GetGenerationsCountResponse } from "@/app/api/generations/count/route";
import type { GetGenerationFacetsResponse } from "@/app/api/generations/facets/route";
import { EXPLORER_FILTER_KEYS } from "@/lib/cockpit/generations/explorer-filters";
import { formatNumber } from "@/lib/format/formatters";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { ExplorerFiltersBar } from "./explorer-filters-bar";
import { Highlighted } from "./highlighted";
import { AddToQueueBar, type ExplorerSelection } from "./add-to-queue-bar";
import { SavedViews } from "./saved-views";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

const NO_SELECTION: ExplorerSelection = { ids: new Set(), allMatching: false };

/**
 * The explorer's state is its URL: the filters, search and sort as query keys, and `view=<id>` for a
 * saved view, whose filters are fetched and put in the URL before anything is listed.
 */
export function GenerationsExplorer({
  canAddToQueues,
  firstPage,
}: {
  canAddToQueues: boolean;
  /** The first page as the server listed it with the page, under these filters (JSON of the URL's filter keys). */
  firstPage?: { filterKey: string; page: GetGenerationsResponse };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = Object.fromEntries(
    EXPLORER_FILTER_KEYS.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key) ?? ""]] : [])),
  );
  const filterKey = JSON.stringify(filters);
  const viewParam = searchParams.get("view");
  const [appliedView, setAppliedView] = useState<string | null>(null);
  const view = useQuery({
    queryKey: cockpitKeys.generations.view(viewParam ?? ""),
    queryFn: () => apiFetch<GetExplorerViewResponse>(`/api/generations/views/${encodeURIComponent(viewParam ?? "")}`),
    enabled: viewParam !== null,
  });
  // Until a linked view's filters are in the URL, nothing is listed (they would be the wrong rows).
  const waitingForView = viewParam !== null && appliedView !== viewParam && !view.isError;
  function applyView(saved: { id: number; query: Record<string, string> }) {
    setAppliedView(String(saved.id));
    router.replace(`${pathname}?${new URLSearchParams({ view: String(saved.id), ...saved.query })}`, { scroll: false });
  }
  const loadedView = view.data;
  useEffect(() => {
    if (loadedView && viewParam === String(loadedView.id) && appliedView !== viewParam) {
      setAppliedView(viewParam);
      router.replace(`${pathname}?${new URLSearchParams({ view: viewParam, ...loadedView.query })}`, { scroll: false });
    }
  }, [loadedView, viewParam, appliedView, pathname, router]);
  const [selection, setSelection] = useState<ExplorerSelection & { filterKey: string }>({ ...NO_SELECTION, filterKey });
  // A selection belongs to the filters it was made under.
  const selected = selection.filterKey === filterKey ? selection : NO_SELECTION;
  function toggle(id: number, on: boolean) {
    const ids = new Set(selected.ids);
    if (on) ids.add(id);
    else ids.delete(id);
    setSelection({ ids, allMatching: false, filterKey });
  }
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
    initialData: firstPage?.filterKey === filterKey ? { pages: [firstPage.page], pageParams: [null] } : undefined,
    enabled: !waitingForView,
  });
  const { sort: _sort, ...countFilters } = filters;
  const count = useQuery({
    queryKey: cockpitKeys.generations.count(countFilters),
    queryFn: () => apiFetch<GetGenerationsCountResponse>(`/api/generations/count?${new URLSearchParams(countFilters)}`),
    enabled: !waitingForView,
  });

  function changeFilters(next: Record<string, string>) {
    const params = new URLSearchParams(Object.entries(next).filter(([, value]) => value !== ""));
    router.replace(`${pathname}?${params}`, { scroll: false });
  }

  const rows = pages.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <div className="space-y-4">
      <SavedViews filters={filters} activeViewId={viewParam} onApply={applyView} onLeave={() => changeFilters(filters)} />
      {viewParam !== null && view.error && (
        <p role="alert" className="text-sm text-rose-700">
          This saved view could not be opened: {view.error.message}
        </p>
      )}
      {viewParam !== null && loadedView && (
        <div
          role="status"
          className="rounded border border-indigo-100 bg-indigo-50 px-3 py-2 text-sm text-indigo-900"
          data-testid="view-banner"
        >
          Showing the saved view “{loadedView.name}”{loadedView.mine ? "" : ` of ${loadedView.ownerName}`}.
          {loadedView.dropped.length > 0 && (
            <span className="block text-amber-800">
              Some of its filters no longer exist and were left out: {loadedView.dropped.join("; ")}.
            </span>
          )}
        </div>
      )}
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
      {canAddToQueues && (
        <AddToQueueBar
          selection={selected}
          filters={filters}
          total={count.data?.total}
          onSelectAll={(all) => setSelection({ ids: new Set(), allMatching: all, filterKey })}
          onClear={() => setSelection({ ...NO_SELECTION, filterKey })}
        />
      )}
      {pages.isSuccess && rows.length === 0 && <p className="text-slate-600">No generation matches these filters.</p>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Generations">
        {rows.map((row) => (
          <GenerationListItem
            key={row.id}
            row={row}
            selection={
              canAddToQueues ? { checked: selected.allMatching || selected.ids.has(row.id), disabled: selected.allMatching, toggle } : null
            }
          />
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
function GenerationListItem({
  row,
  selection,
}: {
  row: GetGenerationsResponse["rows"][number];
  selection: { checked: boolean; disabled: boolean; toggle: (id: number, on: boolean) => void } | null;
}) {
  return (
    <li data-testid="generation-row" className="flex items-start">
      {selection && (
        <input
          type="checkbox"
          className="mt-4 ml-4"
          aria-label={`Select generation #${row.id}`}
          checked={selection.checked}
          disabled={selection.disabled}
          onChange={(event) => selection.toggle(row.id, event.target.checked)}
        />
      )}
      <Link href={`/generations/${row.id}`} className="block min-w-0 flex-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50">
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
