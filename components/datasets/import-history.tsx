"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { PostDatasetImportCancelResponse } from "@/app/api/datasets/imports/[id]/cancel/route";
import type { GetDatasetImportsResponse } from "@/app/api/datasets/imports/route";
import { apiFetch } from "../api-client";
import { datasetKeys } from "./query-keys";
import { formatDateTime, formatNumber, formatStatus } from "@/lib/format/formatters";

type ImportEntry = GetDatasetImportsResponse["imports"][number];
type ImportStatus = ImportEntry["status"];
type ImportProblem = ImportEntry["errors"][number];

const ACTIVE: ImportStatus[] = ["QUEUED", "RUNNING"];
const HISTORY_LENGTH = 20;

const STATUS_STYLE: Record<ImportStatus, string> = {
  QUEUED: "bg-slate-100 text-slate-700",
  RUNNING: "bg-sky-100 text-sky-800",
  SUCCEEDED: "bg-emerald-100 text-emerald-800",
  REJECTED: "bg-rose-100 text-rose-800",
  FAILED: "bg-amber-100 text-amber-800",
};

/** Imports, newest first, with their progress while running and their errors once rejected. */
export function ImportHistory({ datasetId, initial }: { datasetId: number | null; initial: ImportEntry[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = datasetKeys.imports(datasetId);
  const imports = useQuery({
    queryKey,
    initialData: initial,
    queryFn: async () => {
      const before = queryClient.getQueryData<ImportEntry[]>(queryKey) ?? [];
      // The first page, as long as the one the server rendered.
      const query = new URLSearchParams({ limit: String(HISTORY_LENGTH), ...(datasetId === null ? {} : { datasetId: String(datasetId) }) });
      const { imports: now } = await apiFetch<GetDatasetImportsResponse>(`/api/datasets/imports?${query}`);
      // An import that just finished changed the counts the server rendered: fetch them again.
      const finished = now.some(
        (entry) => !ACTIVE.includes(entry.status) && before.some((old) => old.id === entry.id && ACTIVE.includes(old.status)),
      );
      if (finished) router.refresh();
      return now;
    },
    refetchInterval: (query) => ((query.state.data ?? []).some((entry) => ACTIVE.includes(entry.status)) ? 1000 : false),
  });

  const entries = imports.data;
  if (entries.length === 0) return <p className="text-sm text-slate-600">No imports yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Import history">
      {entries.map((entry) => (
        <li key={entry.id} className="px-4 py-3 text-sm" data-testid={`import-${entry.id}`}>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[entry.status]}`}>{formatStatus(entry.status)}</span>
            <span className="font-mono">{entry.sourceName}</span>
            {datasetId === null && entry.dataset && entry.datasetId !== null && (
              <Link href={`/datasets/${entry.datasetId}`} className="text-indigo-700 hover:underline">
                {entry.dataset.name}
              </Link>
            )}
            <span className="text-slate-600">
              {formatNumber(entry.recordsRead)} records read
              {entry.status === "SUCCEEDED" &&
                ` · ${formatNumber(entry.videosCreated)} new videos · ${formatNumber(entry.questionsCreated)} new questions`}
            </span>
            {ACTIVE.includes(entry.status) && <CancelButton importId={entry.id} queryKey={queryKey} />}
            <span className="ml-auto text-xs text-slate-500">
              #{entry.id} · {entry.createdBy?.name ?? "command line"} · {formatDateTime(entry.finishedAt ?? entry.createdAt)}
            </span>
          </div>
          {entry.errors.length > 0 && <Problems entry={entry} />}
        </li>
      ))}
    </ul>
  );
}

/** Cancels a queued or running import (it rolls back: nothing is written). */
function CancelButton({ importId, queryKey }: { importId: number; queryKey: readonly unknown[] }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => apiFetch<PostDatasetImportCancelResponse>(`/api/datasets/imports/${importId}/cancel`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  return (
    <button
      type="button"
      onClick={() => cancel.mutate()}
      disabled={cancel.isPending}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50"
    >
      {cancel.isPending ? "Cancelling…" : "Cancel"}
    </button>
  );
}

function Problems({ entry }: { entry: ImportEntry }) {
  const errors = entry.errors.filter((p) => p.severity === "error");
  const warnings = entry.errors.filter((p) => p.severity === "warning");
  const notes = entry.errors.filter((p) => p.severity === "info");
  return (
    <details className="mt-2" open={entry.status === "REJECTED" || entry.status === "FAILED"}>
      <summary className="cursor-pointer text-slate-700">
        {entry.errorCount > 0 && (
          <span className="text-rose-700">
            {formatNumber(entry.errorCount)} error{entry.errorCount === 1 ? "" : "s"}
            {entry.errorCount > errors.length ? ` (first ${errors.length} shown)` : ""}
          </span>
        )}
        {entry.errorCount > 0 && warnings.length > 0 && " · "}
        {warnings.length > 0 && (
          <span className="text-amber-700">
            {warnings.length} data-quality warning{warnings.length === 1 ? "" : "s"}
          </span>
        )}
        {(entry.errorCount > 0 || warnings.length > 0) && notes.length > 0 && " · "}
        {notes.length > 0 && (
          <span className="text-slate-600">
            {notes.length} note{notes.length === 1 ? "" : "s"}
          </span>
        )}
      </summary>
      <table className="mt-2 w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3">File</th>
            <th className="pr-3">Line / record</th>
            <th className="pr-3">Field</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...errors, ...warnings, ...notes].map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a finished import's problems are fixed and never reordered
            <ProblemRow key={index} problem={problem} />
          ))}
        </tbody>
      </table>
    </details>
  );
}

const PROBLEM_STYLE: Record<ImportProblem["severity"], string> = {
  error: "text-rose-800",
  warning: "text-amber-800",
  info: "text-slate-700",
};

function ProblemRow({ problem }: { problem: ImportProblem }) {
  return (
    <tr className={PROBLEM_STYLE[problem.severity]}>
      <td className="py-1 pr-3 font-mono">{problem.file}</td>
      <td className="pr-3 font-mono">
        {[problem.line !== undefined ? `line ${problem.line}` : null, problem.recordKey ?? null].filter(Boolean).join(" · ")}
      </td>
      <td className="pr-3 font-mono">{problem.field ?? ""}</td>
      <td>{problem.reason}</td>
    </tr>
  );
}
