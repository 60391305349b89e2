"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { PostDatasetImportsResponse } from "@/app/api/datasets/imports/route";
import { datasetKeys } from "./query-keys";
import { postForm } from "./post-form";
import { Button } from "@/components/ui/button";

const FORMATS = [
  { value: "kinetics700", label: "Kinetics-700 CSV" },
  { value: "star", label: "STAR JSON" },
  { value: "finediving", label: "FineDiving pickle" },
  { value: "generic", label: "Generic CSV / JSONL + mapping" },
];

const DB_TO_FORM: Record<string, string> = { KINETICS700: "kinetics700", STAR: "star", FINEDIVING: "finediving", GENERIC: "generic" };

/**
 * Requests an import: upload the annotation file, or name one on the server (under an allowed
 * import folder). The worker runs it; the import history shows its progress and errors.
 */
export function ImportForm({ dataset, importRoots }: { dataset?: { id: number; name: string; format: string }; importRoots: string[] }) {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState(dataset ? (DB_TO_FORM[dataset.format] ?? "kinetics700") : "kinetics700");
  const [source, setSource] = useState<"upload" | "server">("upload");
  const submit = useMutation({
    mutationFn: (form: FormData) => postForm<PostDatasetImportsResponse>("/api/datasets/imports", form),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...datasetKeys.all, "imports"] }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    form.set("checkMedia", form.get("checkMedia") === "on" ? "true" : "false");
    if (dataset) form.set("datasetName", dataset.name);
    submit.mutate(form, { onSuccess: () => element.reset() });
  }

  const field = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-label="Import annotations">
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Format
          <select
            name="format"
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            disabled={dataset !== undefined}
            className={field}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          {dataset && <input type="hidden" name="format" value={format} />}
        </label>
        {dataset ? (
          <p className="text-sm text-slate-600">
            Into <span className="font-medium">{dataset.name}</span>: rows already there are updated, new ones added.
          </p>
        ) : (
          <label className="text-sm font-medium">
            Dataset name
            <input name="datasetName" required maxLength={200} placeholder="Kinetics-700 train" className={field} />
          </label>
        )}
      </div>

      <fieldset className="text-sm">
        <legend className="font-medium">Annotation file</legend>
        <div className="mt-1 flex gap-4">
          <label className="flex items-center gap-1">
            <input type="radio" checked={source === "upload"} onChange={() => setSource("upload")} /> Upload
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" checked={source === "server"} onChange={() => setSource("server")} /> File on the server
          </label>
        </div>
        {source === "upload" ? (
          <>
            <input type="file" name="file" multiple required aria-label="Annotation file" className="mt-2 block text-sm" />
            <p className="mt-1 text-xs text-slate-500">
              Choose its companions too (STAR class lists; FineDiving: the coarse and fine-grained annotation pickles, the sub-action table
              and the split pickles).
            </p>
          </>
        ) : (
          <>
            <input name="serverPath" required aria-label="Server path" placeholder="kinetics700/train.csv" className={field} />
            <p className="mt-1 text-xs text-slate-500">
              Under {importRoots.join(" or ")}; files beside it (STAR class lists, FineDiving's other annotation pickles) are found
              automatically. FineDiving also takes its Annotations folder.
            </p>
          </>
        )}
      </fieldset>

      {format === "generic" && (
        // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its input in both branches below
        <label className="block text-sm font-medium">
          Mapping (JSON: column → label type)
          {source === "upload" ? (
            <input type="file" name="mapping" required accept=".json,application/json" className="mt-1 block text-sm" />
          ) : (
            <input name="mappingPath" required placeholder="mapping.json" className={field} />
          )}
        </label>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Clips folder in the media store
          <input name="mediaFolder" placeholder="(the store itself)" className={field} />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="checkMedia" defaultChecked /> Every clip must exist (else the file is rejected)
        </label>
      </div>

      <div className="flex items-center gap-4">
        <Button variant="primary" size="lg" type="submit" disabled={submit.isPending}>
          {submit.isPending ? "Sending…" : "Import"}
        </Button>
        {submit.error && (
          <p role="alert" className="text-sm text-rose-700">
            {submit.error.message}
          </p>
        )}
        {submit.data && !submit.isPending && <p className="text-sm text-emerald-700">Import #{submit.data.importId} queued.</p>}
      </div>
    </form>
  );
}
