"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { auditTable, evaluationTable, yieldTable } from "@/lib/cockpit/charts/chart-series";
import type { GetCockpitTrendsResponse } from "@/app/api/cockpit/trends/route";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { inputClass } from "../ui";
import { ShareLineChart } from "./line-chart-card";

/** The cockpit's charts across cycles, for one run or the most recent cycles. */
export function TrendCharts({ runs, initialRunId }: { runs: { id: number; name: string }[]; initialRunId: number | null }) {
  const [runId, setRunId] = useState<number | null>(initialRunId);
  const trends = useQuery({
    queryKey: cockpitKeys.charts.trends(runId),
    queryFn: () => apiFetch<GetCockpitTrendsResponse>(`/api/cockpit/trends${runId ? `?runId=${runId}` : ""}`),
    refetchInterval: 15_000,
  });
  return (
    <div className="space-y-4">
      <label className="block max-w-sm text-sm">
        <span className="text-slate-700">Cycles shown</span>
        <select
          aria-label="Cycles shown"
          className={inputClass}
          value={runId ?? ""}
          onChange={(event) => setRunId(event.target.value ? Number(event.target.value) : null)}
        >
          <option value="">the 30 most recent cycles</option>
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              run: {run.name}
            </option>
          ))}
        </select>
      </label>
      {trends.error && (
        <p role="alert" className="text-sm text-rose-700">
          {trends.error.message}
        </p>
      )}
      {trends.data && (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <ShareLineChart
            title="Yield per dataset and mode"
            table={yieldTable(trends.data)}
            empty="No verified generations yet."
            testId="yield-chart"
            yLabel="passed, of answered"
          />
          <ShareLineChart
            title="Hallucination rate and verifier precision (from audits)"
            table={auditTable(trends.data)}
            empty="No audits submitted for these cycles yet."
            testId="audit-chart"
            yLabel="share of judged answers"
          />
          <ShareLineChart
            title="Evaluation accuracy"
            table={evaluationTable(trends.data)}
            empty="No evaluation yet."
            testId="evaluation-chart"
            yLabel="correct, of answered"
          />
        </div>
      )}
    </div>
  );
}
