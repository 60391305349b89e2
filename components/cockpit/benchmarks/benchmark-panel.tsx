"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { GetCycleBenchmarksResponse } from "@/app/api/cycles/[id]/benchmarks/route";
import type { GetCycleBenchmarkSamplesResponse } from "@/app/api/cycles/[id]/benchmarks/samples/route";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format/formatters";
import { apiFetch } from "../../api-client";
import { BenchmarkChangeChart } from "./benchmark-chart";

type Task = GetCycleBenchmarksResponse["tasks"][number];
type Row = Task["rows"][number];

const keys = {
  run: (runId: number) => ["benchmarks", "run", runId] as const,
  samples: (runId: number, cycle: number, task: string) => ["benchmarks", "samples", runId, cycle, task] as const,
};

const label = (cycleIndex: number) => (cycleIndex === 0 ? "base model" : `cycle ${cycleIndex}`);

/**
 * A run's zero-shot lmms-eval figures per task: the base model and each cycle (or only the cycles
 * given), the change from the base with its 95% interval, and the paper's published change.
 */
export function BenchmarkPanel({ runId, cycleIndexes }: { runId: number; cycleIndexes?: number[] }) {
  const query = useQuery({
    queryKey: keys.run(runId),
    queryFn: () => apiFetch<GetCycleBenchmarksResponse>(`/api/cycles/${runId}/benchmarks`),
    refetchInterval: 15_000,
  });
  if (query.error)
    return (
      <p role="alert" className="text-sm text-rose-700">
        {query.error.message}
      </p>
    );
  if (!query.data) return <p className="text-sm text-slate-500">Loading benchmarks…</p>;
  const data = query.data;
  if (data.jobs.length === 0)
    return <p className="text-sm text-slate-500">No benchmarks for this run: launch with benchmarks enabled to evaluate with lmms-eval.</p>;
  const shown = (row: Row) => row.cycleIndex === 0 || !cycleIndexes || cycleIndexes.includes(row.cycleIndex);
  return (
    <div className="space-y-4" data-testid="benchmarks">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {data.simulated && <SimulatedBadge title="Scored by the simulated lmms-eval of the simulator's cluster: not measurements" />}
        {data.jobs
          .filter((job) => job.cycleIndex === 0 || !cycleIndexes || cycleIndexes.includes(job.cycleIndex))
          .map((job) => (
            <span key={job.cycleIndex} title={job.error ?? job.modelLabel}>
              {label(job.cycleIndex)}{" "}
              <Badge tone={job.status === "SUCCEEDED" ? "success" : job.status === "FAILED" ? "danger" : "info"}>
                {job.status.toLowerCase()}
              </Badge>
            </span>
          ))}
        <a className="ml-auto text-indigo-700 hover:underline" href={`/api/benchmarks.csv?runs=${runId}`}>
          Download CSV
        </a>
      </div>
      {data.jobs
        .filter((job) => job.error)
        .map((job) => (
          <p key={job.cycleIndex} role="alert" className="text-sm text-rose-700">
            {label(job.cycleIndex)}: {job.error}
          </p>
        ))}
      {data.tasks.map((task) => (
        <TaskBlock
          key={task.task}
          runId={runId}
          task={{ ...task, rows: task.rows.filter(shown) }}
          subtasks={data.subtasks.filter((s) => s.rows.some((r) => r.task === s.task) && s.task.startsWith(task.task))}
          cycleIndexes={cycleIndexes}
        />
      ))}
    </div>
  );
}

function TaskBlock({ runId, task, subtasks, cycleIndexes }: { runId: number; task: Task; subtasks: Task[]; cycleIndexes?: number[] }) {
  const [samples, setSamples] = useState<{ cycle: number; task: string } | null>(null);
  const unit = task.scale === "fraction" ? "points (×100)" : "as reported";
  return (
    <section className="rounded border border-slate-200 p-3" data-testid={`benchmark-${task.task}`}>
      <h3 className="font-medium">
        {task.task}{" "}
        <span className="text-xs font-normal text-slate-500">
          {task.metric},{task.filter} · {unit}
        </span>{" "}
        {task.simulated && <SimulatedBadge />}
      </h3>
      <div className="mt-2 grid grid-cols-1 gap-4 lg:grid-cols-[1fr_auto]">
        <DataTable
          label={`${task.task} per cycle`}
          rows={task.rows}
          rowKey={(row) => row.cycleIndex}
          columns={[
            { header: "model", cell: (row) => label(row.cycleIndex) },
            { header: "score", cell: (row) => formatNumber(row.points, 2), className: "text-right tabular-nums" },
            {
              header: "± stderr",
              cell: (row) =>
                row.stderrPoints === null
                  ? "—"
                  : `${formatNumber(row.stderrPoints, 2)}${row.stderrSource === "binomial" ? " (binomial)" : ""}`,
              className: "text-right tabular-nums",
            },
            {
              header: "change from base",
              cell: (row) => (row.change ? signed(row.change.points) : "—"),
              className: "text-right tabular-nums",
            },
            {
              header: "95% interval",
              cell: (row) =>
                row.change && row.change.low !== null && row.change.high !== null
                  ? `${signed(row.change.low)} … ${signed(row.change.high)}${row.change.method === "paired" ? " (paired)" : ""}`
                  : row.change
                    ? "no stderr"
                    : "—",
              className: "text-right tabular-nums",
            },
            {
              header: "paper",
              cell: (row) => (row.cycleIndex > 0 && task.reference ? `+${task.reference.points}` : "—"),
              className: "text-right",
            },
            { header: "samples", cell: (row) => row.samples ?? "—", className: "text-right tabular-nums" },
            {
              header: "answers",
              cell: (row) =>
                subtasks.length > 0 ? (
                  subtasks.map((s) => (
                    <button
                      key={s.task}
                      type="button"
                      className="mr-2 text-indigo-700 hover:underline"
                      onClick={() => setSamples({ cycle: row.cycleIndex, task: s.task })}
                    >
                      {s.task.replace(`${task.task}_`, "")}
                    </button>
                  ))
                ) : (
                  <button
                    type="button"
                    className="text-indigo-700 hover:underline"
                    onClick={() => setSamples({ cycle: row.cycleIndex, task: task.task })}
                  >
                    show
                  </button>
                ),
            },
          ]}
        />
        <BenchmarkChangeChart task={task} cycleIndexes={cycleIndexes} />
      </div>
      {task.reference && (
        <p className="mt-1 text-xs text-slate-500">
          Paper: +{task.reference.points} points ({task.reference.source})
          {task.reference.alternative ? `; +${task.reference.alternative.points} in the ${task.reference.alternative.source}` : ""}.
        </p>
      )}
      {samples && <SamplesView runId={runId} cycle={samples.cycle} task={samples.task} onClose={() => setSamples(null)} />}
    </section>
  );
}

function SamplesView({ runId, cycle, task, onClose }: { runId: number; cycle: number; task: string; onClose: () => void }) {
  const query = useQuery({
    queryKey: keys.samples(runId, cycle, task),
    queryFn: () =>
      apiFetch<GetCycleBenchmarkSamplesResponse>(`/api/cycles/${runId}/benchmarks/samples?cycle=${cycle}&task=${encodeURIComponent(task)}`),
  });
  return (
    <div className="mt-3 rounded bg-slate-50 p-2" data-testid="benchmark-samples">
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">
          {task} · {label(cycle)}
        </span>
        {query.data && (
          <span className="font-mono text-xs text-slate-500">
            {query.data.fileName} ({query.data.samples.length} of {query.data.total})
          </span>
        )}
        {query.data?.simulated && <SimulatedBadge />}
        <button type="button" className="ml-auto text-indigo-700 hover:underline" onClick={onClose}>
          close
        </button>
      </div>
      {query.error && <p className="text-sm text-slate-600">No answers were logged for this task (run lmms-eval with --log_samples).</p>}
      {query.data && (
        <DataTable
          label={`${task} answers`}
          rows={query.data.samples}
          rowKey={(s) => s.docId}
          columns={[
            { header: "doc", cell: (s) => s.docId, className: "tabular-nums" },
            { header: "input", cell: (s) => s.input ?? "—", className: "max-w-md truncate" },
            { header: "answer", cell: (s) => s.response },
            { header: "target", cell: (s) => s.target },
            {
              header: "scores",
              cell: (s) => <span className="font-mono text-xs">{compact(s.scores)}</span>,
              className: "max-w-xs truncate",
            },
          ]}
        />
      )}
    </div>
  );
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : ""}${formatNumber(value, 2)}`;
}

function compact(scores: Record<string, unknown>): string {
  return Object.entries(scores)
    .map(([key, value]) => `${key}: ${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`)
    .join("; ");
}
