"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PostOpsJobRetryResponse } from "@/app/api/ops/jobs/[id]/retry/route";
import type { GetOpsJobsResponse } from "@/app/api/ops/jobs/route";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatDuration, formatNumber } from "@/lib/format/formatters";
import { apiFetch } from "../api-client";

type ProblemJob = GetOpsJobsResponse["problems"][number];

const JOBS_KEY = ["ops", "jobs"] as const;
const REFRESH_MS = 5_000;

/** Seconds since the job started (running) or since it failed, when the server last looked (the same on server and client). */
function ageSeconds(job: ProblemJob, now: number): number | null {
  const since = job.state === "active" ? job.startedOn : (job.completedOn ?? job.createdOn);
  return since === null ? null : (now - new Date(since).getTime()) / 1000;
}

/** Per queue, its waiting, running and failed jobs; the failed and long-running ones, each failed one with a Retry. */
export function JobsPanel({ initial }: { initial: GetOpsJobsResponse }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: JOBS_KEY,
    initialData: initial,
    queryFn: () => apiFetch<GetOpsJobsResponse>("/api/ops/jobs"),
    refetchInterval: REFRESH_MS,
  });
  const retry = useMutation({
    mutationFn: (id: string) => apiFetch<PostOpsJobRetryResponse>(`/api/ops/jobs/${id}/retry`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: JOBS_KEY }),
  });

  const { queues, problems, longActiveSeconds, checkedAt } = jobs.data;
  const now = new Date(checkedAt).getTime();
  return (
    <div className="space-y-4">
      <table className="w-full text-sm" aria-label="Jobs per queue">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 font-medium">Queue</th>
            <th className="py-1 text-right font-medium">Queued</th>
            <th className="py-1 text-right font-medium">Active</th>
            <th className="py-1 text-right font-medium">Failed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {queues.map((queue) => (
            <tr key={queue.queue} data-testid={`queue-${queue.queue}`}>
              <td className="py-1.5 font-mono">{queue.queue}</td>
              <td className="py-1.5 text-right tabular-nums">{formatNumber(queue.queued)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatNumber(queue.active)}</td>
              <td className={`py-1.5 text-right tabular-nums ${queue.failed > 0 ? "text-rose-700" : ""}`}>{formatNumber(queue.failed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {retry.error && (
        <p role="alert" className="text-sm text-rose-700">
          {retry.error.message}
        </p>
      )}
      {problems.length === 0 ? (
        <p className="text-sm text-slate-600">No failed jobs, and none running longer than {formatDuration(longActiveSeconds)}.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200" aria-label="Failed and long-running jobs">
          {problems.map((job) => (
            <li key={job.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-3 py-2 text-sm" data-testid={`job-${job.id}`}>
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${job.state === "failed" ? "bg-rose-100 text-rose-800" : "bg-amber-100 text-amber-800"}`}
              >
                {job.state === "failed" ? "Failed" : "Running long"}
              </span>
              <span className="font-mono">{job.queue}</span>
              <span className="text-slate-500" title={formatDateTime(job.createdOn)}>
                {job.state === "failed" ? "failed" : "running for"} {formatDuration(ageSeconds(job, now))}
                {job.state === "failed" ? " ago" : ""} · {formatNumber(job.retryCount)} retries
              </span>
              {job.state === "failed" && (
                <Button
                  size="xs"
                  className="ml-auto"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(job.id)}
                  aria-label={`Retry job ${job.id}`}
                >
                  Retry
                </Button>
              )}
              {job.error !== null && <p className="w-full break-words font-mono text-xs text-rose-800">{job.error}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
