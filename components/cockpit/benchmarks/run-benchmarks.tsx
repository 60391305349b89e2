"use client";

import { useState } from "react";
import { inputClass } from "../ui";
import { BenchmarkPanel } from "./benchmark-panel";

/** The benchmark panel of one run, chosen among the runs (newest first). */
export function RunBenchmarksPicker({ runs }: { runs: { id: number; name: string }[] }) {
  const [runId, setRunId] = useState<number | null>(runs[0]?.id ?? null);
  if (runs.length === 0) return <p className="text-sm text-slate-600">No run yet.</p>;
  return (
    <div className="space-y-3">
      <label className="block max-w-sm text-sm">
        <span className="text-slate-700">Run benchmarked</span>
        <select
          aria-label="Run benchmarked"
          className={inputClass}
          value={runId ?? ""}
          onChange={(event) => setRunId(Number(event.target.value))}
        >
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.name} (run {run.id})
            </option>
          ))}
        </select>
      </label>
      {runId !== null && <BenchmarkPanel runId={runId} />}
    </div>
  );
}
