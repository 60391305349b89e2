"use client";

import { SimulatedBadge } from "@/components/ui/badge";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { GetExportsResponse, PostExportsResponse } from "@/app/api/exports/route";
import { apiFetch } from "../../api-client";
import { StatusBadge } from "../cycles/status-badge";
import { fieldErrorsOf, formLevelError } from "../field-errors";
import { formatBytes, formatNumber } from "@/lib/format/formatters";
import { cockpitKeys } from "../query-keys";
import { FieldError, inputClass } from "../ui";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

const FORMATS = [
  { value: "LLAMA_FACTORY", label: "LLaMA-Factory (zip: dataset_info.json + sharegpt JSON)" },
  { value: "LLAMA_FACTORY_DPO", label: "LLaMA-Factory DPO (zip: preference pairs, chosen vs rejected)" },
  { value: "VIDEO_LLAVA", label: "Video-LLaVA (conversations JSON)" },
  { value: "JSONL", label: "JSON lines (one generation per line)" },
];

/** Create exports of a cycle's verified answers, watch them being written, download them. */
export function ExportsPanel({ cycles, initialCycleId }: { cycles: { id: number; label: string }[]; initialCycleId: number | null }) {
  const queryClient = useQueryClient();
  const exports = useQuery({
    queryKey: cockpitKeys.exports.list(),
    queryFn: () => apiFetch<GetExportsResponse>("/api/exports").then((body) => body.exports),
    refetchInterval: (query) => (query.state.data?.some((row) => row.status === "QUEUED" || row.status === "RUNNING") ? 1500 : false),
  });
  return (
    <div className="space-y-6">
      <NewExportForm
        cycles={cycles}
        initialCycleId={initialCycleId}
        onCreated={() => queryClient.invalidateQueries({ queryKey: cockpitKeys.exports.all })}
      />
      {exports.error && (
        <p role="alert" className="text-sm text-rose-700">
          {exports.error.message}
        </p>
      )}
      {exports.data && (
        <DataTable
          framed
          label="Exports"
          rows={exports.data}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ "data-testid": `export-${row.id}` })}
          empty="No exports yet."
          columns={[
            { header: "#", cell: (row) => row.id, className: "font-mono" },
            {
              header: "Cycle",
              cell: (row) => (
                <>
                  {row.cycleLabel ?? "—"} {row.simulated && <SimulatedBadge title="Answers written by a simulated backend, not a model" />}
                </>
              ),
            },
            { header: "Format", cell: (row) => row.format.toLowerCase().replaceAll("_", "-") },
            { header: "Filters", cell: (row) => describeFilters(row.format, row.filters), className: "text-xs text-slate-600" },
            {
              header: "Status",
              cell: (row) => (
                <>
                  <StatusBadge status={row.status} />
                  {row.error && <span className="block text-xs text-rose-700">{row.error}</span>}
                </>
              ),
            },
            {
              header: "Examples",
              cell: (row) => (row.format === "LLAMA_FACTORY_DPO" ? `${formatNumber(row.rowCount)} pairs` : formatNumber(row.rowCount)),
            },
            { header: "Size", cell: (row) => formatBytes(row.sizeBytes) },
            {
              header: null,
              cell: (row) =>
                row.downloadable ? (
                  <a href={`/api/exports/${row.id}/download`} className="text-indigo-700 hover:underline" download>
                    Download
                  </a>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}

function describeFilters(format: string, filters: Record<string, unknown>): string {
  const parts = [
    filters.directOnly === true ? "direct answers only" : "answers + rationalizations",
    format === "LLAMA_FACTORY_DPO"
      ? "hallucinated as rejected"
      : filters.excludeHallucinated === false
        ? "hallucinated kept"
        : "hallucinated left out",
  ];
  if (filters.purpose === "training") parts.unshift("training set");
  if (filters.absoluteVideoPaths === true) parts.push("absolute server paths");
  else if (typeof filters.videoFolder === "string") parts.push(`videos in ${filters.videoFolder}/`);
  return parts.join(" · ");
}

function NewExportForm({
  cycles,
  initialCycleId,
  onCreated,
}: {
  cycles: { id: number; label: string }[];
  initialCycleId: number | null;
  onCreated: () => void;
}) {
  const [cycleId, setCycleId] = useState<string>(initialCycleId ? String(initialCycleId) : String(cycles[0]?.id ?? ""));
  const [format, setFormat] = useState("LLAMA_FACTORY");
  const [directOnly, setDirectOnly] = useState(false);
  const [excludeHallucinated, setExcludeHallucinated] = useState(true);
  const [videoFolder, setVideoFolder] = useState("videos");
  const [absoluteVideoPaths, setAbsoluteVideoPaths] = useState(false);
  const preference = format === "LLAMA_FACTORY_DPO";
  const llamaFactory = format === "LLAMA_FACTORY" || preference;
  const create = useMutation({
    mutationFn: () =>
      apiFetch<PostExportsResponse>("/api/exports", {
        method: "POST",
        body: JSON.stringify({
          cycleId: cycleId ? Number(cycleId) : undefined,
          format,
          directOnly,
          ...(preference ? {} : { excludeHallucinated }),
          ...(llamaFactory ? { videoFolder, absoluteVideoPaths } : {}),
        }),
      }),
    onSuccess: onCreated,
  });
  const errors = fieldErrorsOf(create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="New export"
      className="grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4"
    >
      <div>
        <label htmlFor="export-cycle" className="text-sm text-slate-700">
          Cycle
        </label>
        <select
          id="export-cycle"
          className={inputClass}
          value={cycleId}
          aria-invalid={Boolean(errors.cycleId)}
          onChange={(event) => setCycleId(event.target.value)}
        >
          {cycles.length === 0 && <option value="">no cycle yet</option>}
          {cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.label}
            </option>
          ))}
        </select>
        <FieldError id="export-cycle-error" message={errors.cycleId} />
      </div>
      <div>
        <label htmlFor="export-format" className="text-sm text-slate-700">
          Format
        </label>
        <select
          id="export-format"
          className={inputClass}
          value={format}
          aria-describedby={preference ? "export-format-help" : undefined}
          onChange={(event) => setFormat(event.target.value)}
        >
          {FORMATS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError id="export-format-error" message={errors.format} />
      </div>
      <div className="space-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={directOnly} onChange={(event) => setDirectOnly(event.target.checked)} />
          Direct answers only
        </label>
        {!preference && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={excludeHallucinated} onChange={(event) => setExcludeHallucinated(event.target.checked)} />
            Leave out answers audited as hallucinated
          </label>
        )}
      </div>
      {preference && (
        <p id="export-format-help" className="md:col-span-4 text-xs text-slate-600" data-testid="dpo-explanation">
          Preference pairs for LLaMA-Factory&apos;s <span className="font-mono">stage: dpo</span>: per question, an answer people judged
          correct (else one the verifier passed) is chosen over one they judged hallucinated (else one the verifier failed); an adjudication
          overrides its raters. Each pair names its source (adjudication, audit or verifier); pairs with simulated answers are marked
          simulated in the data and the manifest.
        </p>
      )}
      {llamaFactory && (
        <div className="md:col-span-4 grid grid-cols-1 gap-3 md:grid-cols-2">
          <div>
            <label htmlFor="export-video-folder" className="text-sm text-slate-700">
              Video folder
            </label>
            <input
              id="export-video-folder"
              className={inputClass}
              value={videoFolder}
              disabled={absoluteVideoPaths}
              aria-invalid={Boolean(errors.videoFolder)}
              aria-describedby="export-video-folder-help export-video-folder-error"
              onChange={(event) => setVideoFolder(event.target.value)}
            />
            <span id="export-video-folder-help" className="block text-xs text-slate-500">
              Where you will put the clips. Each video path is this folder and the clip&apos;s path in the media store; a relative folder is
              read from the unpacked dataset folder (LLaMA-Factory&apos;s default media_dir).
            </span>
            <FieldError id="export-video-folder-error" message={errors.videoFolder} />
          </div>
          <label className="flex items-center gap-2 self-center text-sm">
            <input type="checkbox" checked={absoluteVideoPaths} onChange={(event) => setAbsoluteVideoPaths(event.target.checked)} />
            Use this server&apos;s absolute paths instead (train where these files are)
          </label>
        </div>
      )}
      <div>
        <Button variant="primary" size="md" type="submit" disabled={create.isPending}>
          Create export
        </Button>
        {formLevelError(create.error) && (
          <p role="alert" className="text-sm text-rose-700">
            {formLevelError(create.error)}
          </p>
        )}
      </div>
    </form>
  );
}
