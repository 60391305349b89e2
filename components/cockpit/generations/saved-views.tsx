"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { GetExplorerViewsResponse, PostExplorerViewResponse } from "@/app/api/generations/views/route";
import type { DeleteExplorerViewResponse, PatchExplorerViewResponse } from "@/app/api/generations/views/[viewId]/route";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { inputClass } from "../ui";
import { Button } from "@/components/ui/button";

type SavedView = GetExplorerViewsResponse["views"][number];

/** A view's link: it opens the explorer with the view's filters, for anyone who may use the explorer. */
const viewHref = (viewId: number) => `/generations?view=${viewId}`;

/**
 * The user's saved views: one click applies one; each can be renamed, deleted and shared by its link.
 * The form saves the explorer's current filters, search and sort under a new name.
 */
export function SavedViews({
  filters,
  activeViewId,
  onApply,
  onLeave,
}: {
  filters: Record<string, string>;
  activeViewId: string | null;
  onApply: (view: SavedView) => void;
  /** The view on screen was deleted: keep its filters, without the view. */
  onLeave: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const views = useQuery({
    queryKey: cockpitKeys.generations.views(),
    queryFn: () => apiFetch<GetExplorerViewsResponse>("/api/generations/views"),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: cockpitKeys.generations.views() });
  const save = useMutation({
    mutationFn: (viewName: string) =>
      apiFetch<PostExplorerViewResponse>("/api/generations/views", { method: "POST", body: JSON.stringify({ name: viewName, filters }) }),
    onSuccess: (view) => {
      setName("");
      onApply(view);
      return refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) save.mutate(name.trim());
  }

  return (
    <section aria-label="Saved views" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-2 text-sm font-semibold text-slate-800">Saved views</h2>
        {views.data?.views.length === 0 && (
          <span className="text-sm text-slate-500">None yet: save the filters below to come back to them.</span>
        )}
        {views.error && (
          <span role="alert" className="text-sm text-rose-700">
            {views.error.message}
          </span>
        )}
      </div>
      <ul className="flex flex-col gap-1">
        {views.data?.views.map((view) => (
          <SavedViewItem
            key={view.id}
            view={view}
            active={activeViewId === String(view.id)}
            onApply={onApply}
            onChanged={refresh}
            onDeleted={() => {
              if (activeViewId === String(view.id)) onLeave();
            }}
          />
        ))}
      </ul>
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <input
          aria-label="View name"
          className={`${inputClass} mt-0 max-w-xs`}
          placeholder="Name these filters"
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button variant="secondary" size="sm" type="submit" disabled={save.isPending || !name.trim()}>
          Save view
        </Button>
        {save.error && (
          <span role="alert" className="text-sm text-rose-700">
            {save.error.message}
          </span>
        )}
      </form>
    </section>
  );
}

function SavedViewItem({
  view,
  active,
  onApply,
  onChanged,
  onDeleted,
}: {
  view: SavedView;
  active: boolean;
  onApply: (view: SavedView) => void;
  onChanged: () => Promise<void>;
  onDeleted: () => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const rename = useMutation({
    mutationFn: (name: string) =>
      apiFetch<PatchExplorerViewResponse>(`/api/generations/views/${view.id}`, { method: "PATCH", body: JSON.stringify({ name }) }),
    onSuccess: () => {
      setRenaming(null);
      return onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<DeleteExplorerViewResponse>(`/api/generations/views/${view.id}`, { method: "DELETE" }),
    onSuccess: () => {
      onDeleted();
      return onChanged();
    },
  });

  async function copyLink() {
    await navigator.clipboard?.writeText(new URL(viewHref(view.id), window.location.origin).toString()).catch(() => {});
    setCopied(true);
  }

  return (
    <li className="flex flex-wrap items-center gap-2 text-sm" data-testid="saved-view">
      {renaming === null ? (
        <Button variant={active ? "primary" : "secondary"} size="sm" aria-pressed={active} onClick={() => onApply(view)}>
          {view.name}
        </Button>
      ) : (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (renaming.trim()) rename.mutate(renaming.trim());
          }}
        >
          <input
            aria-label={`New name for ${view.name}`}
            className={`${inputClass} mt-0 w-56`}
            maxLength={120}
            value={renaming}
            onChange={(event) => setRenaming(event.target.value)}
          />
          <Button variant="primary" size="xs" type="submit" disabled={rename.isPending}>
            Save name
          </Button>
          <Button variant="ghost" size="xs" type="button" onClick={() => setRenaming(null)}>
            Cancel
          </Button>
        </form>
      )}
      <a className="text-xs text-indigo-700 hover:underline" href={viewHref(view.id)} aria-label={`Share link to ${view.name}`}>
        Share link
      </a>
      <Button variant="ghost" size="xs" onClick={() => void copyLink()}>
        {copied ? "Link copied" : "Copy link"}
      </Button>
      {renaming === null && (
        <Button variant="ghost" size="xs" onClick={() => setRenaming(view.name)} aria-label={`Rename ${view.name}`}>
          Rename
        </Button>
      )}
      <Button variant="ghost" size="xs" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={`Delete ${view.name}`}>
        Delete
      </Button>
      {(rename.error ?? remove.error) && (
        <span role="alert" className="text-rose-700">
          {(rename.error ?? remove.error)?.message}
        </span>
      )}
    </li>
  );
}
