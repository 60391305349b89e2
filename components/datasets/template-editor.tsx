"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { GetDatasetTemplatesResponse } from "@/app/api/datasets/[id]/templates/route";
import type { PatchDatasetTemplateResponse } from "@/app/api/datasets/[id]/templates/[templateId]/route";
import { apiFetch } from "../api-client";
import { datasetKeys } from "./query-keys";
import { Button } from "@/components/ui/button";

type TemplateRow = GetDatasetTemplatesResponse["templates"][number];

/** The dataset's question wording, editable; the next import of the dataset re-renders its questions. */
export function TemplateEditor({ datasetId, initial }: { datasetId: number; initial: TemplateRow[] }) {
  const templates = useQuery({
    queryKey: datasetKeys.templates(datasetId),
    initialData: initial,
    queryFn: () => apiFetch<GetDatasetTemplatesResponse>(`/api/datasets/${datasetId}/templates`).then((body) => body.templates),
  });
  if (templates.data.length === 0) return <p className="text-sm text-slate-600">No templates: this dataset has not been imported yet.</p>;
  return (
    <ul className="space-y-3">
      {templates.data.map((template) => (
        <TemplateItem key={`${template.id}:${template.text}`} datasetId={datasetId} template={template} />
      ))}
    </ul>
  );
}

function TemplateItem({ datasetId, template }: { datasetId: number; template: TemplateRow }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(template.text);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<PatchDatasetTemplateResponse>(`/api/datasets/${datasetId}/templates/${template.id}`, {
        method: "PATCH",
        body: JSON.stringify({ text }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.templates(datasetId) }),
  });
  const changed = text.trim() !== template.text;
  return (
    <li className="text-sm">
      <label className="block">
        <span className="font-mono text-xs text-slate-500">
          {template.kind} · {template.key}
        </span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5"
        />
      </label>
      <div className="mt-1 flex items-center gap-3">
        <Button variant="secondary" size="xs" disabled={!changed || save.isPending} onClick={() => save.mutate()}>
          Save
        </Button>
        {save.error && (
          <span role="alert" className="text-xs text-rose-700">
            {save.error.message}
          </span>
        )}
      </div>
    </li>
  );
}
