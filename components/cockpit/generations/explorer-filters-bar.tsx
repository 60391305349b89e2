"use client";

import { useState, type FormEvent } from "react";
import { AUDIT_FILTERS, GENERATION_MODES, LABEL_TYPES, VERDICT_FILTERS } from "@/lib/cockpit/generations/explorer-filters";
import type { GetGenerationFacetsResponse } from "@/app/api/generations/facets/route";
import { inputClass } from "../ui";
import { Button } from "@/components/ui/button";

const AUDIT_LABELS: Record<(typeof AUDIT_FILTERS)[number], string> = {
  unaudited: "not audited",
  audited: "audited",
  CORRECT: "audited correct",
  HALLUCINATED: "audited hallucinated",
  PARTLY_CORRECT: "audited partly correct",
  UNSURE: "audited unsure",
  "label-missing": "label not really there",
};

export function ExplorerFiltersBar({
  filters,
  facets,
  onChange,
}: {
  filters: Record<string, string>;
  facets: GetGenerationFacetsResponse | undefined;
  onChange: (next: Record<string, string>) => void;
}) {
  const [search, setSearch] = useState(filters.q ?? "");
  const set = (key: string, value: string) => onChange({ ...filters, [key]: value });
  const select = (key: string, label: string, options: { value: string; label: string }[]) => (
    <label className="block text-sm">
      <span className="text-slate-700">{label}</span>
      <select aria-label={label} className={inputClass} value={filters[key] ?? ""} onChange={(event) => set(key, event.target.value)}>
        <option value="">any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    set("q", search.trim());
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-3 gap-3 lg:grid-cols-6">
        {select(
          "cycleId",
          "Cycle",
          (facets?.cycles ?? []).map((cycle) => ({ value: String(cycle.id), label: cycle.label })),
        )}
        {select(
          "datasetId",
          "Dataset",
          (facets?.datasets ?? []).map((dataset) => ({ value: String(dataset.id), label: dataset.name })),
        )}
        {select(
          "mode",
          "Mode",
          GENERATION_MODES.map((mode) => ({ value: mode, label: mode.toLowerCase() })),
        )}
        {select(
          "verdict",
          "Verdict",
          VERDICT_FILTERS.map((verdict) => ({ value: verdict, label: verdict })),
        )}
        {select(
          "labelType",
          "Label type",
          LABEL_TYPES.map((type) => ({ value: type, label: type })),
        )}
        {select(
          "audit",
          "Audit",
          AUDIT_FILTERS.map((audit) => ({ value: audit, label: AUDIT_LABELS[audit] })),
        )}
      </div>
      <form onSubmit={submitSearch} className="flex gap-2">
        <input
          aria-label="Search answers"
          className={`${inputClass} mt-0`}
          placeholder='Search the answers: words, "a phrase", -excluded'
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Button variant="primary" size="md" type="submit">
          Search
        </Button>
      </form>
    </div>
  );
}
