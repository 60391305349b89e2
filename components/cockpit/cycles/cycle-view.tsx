"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { GetCockpitCycleResponse } from "@/app/api/cockpit/cycles/[id]/route";
import type { GetCockpitCycleErrorsResponse } from "@/app/api/cockpit/cycles/[id]/errors/route";
import type { GetCockpitCycleTrainingResponse } from "@/app/api/cockpit/cycles/[id]/training/route";
import { apiFetch } from "../../api-client";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format/formatters";
import { cockpitKeys } from "../query-keys";
import { Section } from "../ui";
import { CancelConfirm } from "./cancel-confirm";
import { cycleActions } from "./cycle-actions";
import { ErrorGroups } from "./error-groups";
import { StageList } from "./stage-list";
import { StatusBadge } from "./status-badge";
import { TrainingPanel } from "./training-panel";
import { Button } from "@/components/ui/button";
import { SimulatedBadge } from "@/components/ui/badge";

const TERMINAL = new Set(["DONE", "DONE_WITH_ERRORS", "FAILED", "CANCELLED"]);
const UNSETTLED_TRAINING = new Set(["PENDING", "RUNNING"]);

/** One cycle, live: stages with progress, rate and ETA; errors by reason; training; the checkpoint. */
export function CycleView({ initial }: { initial: GetCockpitCycleResponse["cycle"] }) {
  const queryClient = useQueryClient();
  const id = initial.id;
  const progress = useQuery({
    queryKey: cockpitKeys.cycles.progress(id),
    queryFn: () => apiFetch<GetCockpitCycleResponse>(`/api/cockpit/cycles/${id}`).then((body) => body.cycle),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && TERMINAL.has(query.state.data.status) ? 10_000 : 1_500),
  });
  const cycle = progress.data;
  const active = !TERMINAL.has(cycle.status);
  // Both keep polling while the cycle runs and, slower, after it stopped: a last fetch taken just
  // before the end would otherwise leave a finished training run shown as pending.
  const errors = useQuery({
    queryKey: cockpitKeys.cycles.errors(id),
    queryFn: () => apiFetch<GetCockpitCycleErrorsResponse>(`/api/cockpit/cycles/${id}/errors`).then((body) => body.groups),
    refetchInterval: active ? 3_000 : 10_000,
  });
  const training = useQuery({
    queryKey: cockpitKeys.cycles.training(id),
    queryFn: () => apiFetch<GetCockpitCycleTrainingResponse>(`/api/cockpit/cycles/${id}/training`).then((body) => body.runs),
    refetchInterval: (query) => (active || query.state.data?.some((run) => UNSETTLED_TRAINING.has(run.status)) ? 3_000 : 10_000),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: cockpitKeys.cycles.all });
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cycleActions.cancel(cycle.runId),
    onSettled: () => {
      setConfirmingCancel(false);
      return refresh();
    },
  });
  const resume = useMutation({ mutationFn: (reasons?: string[]) => cycleActions.resume(cycle.runId, reasons), onSettled: refresh });
  const stopped = cycle.status === "FAILED" || cycle.status === "CANCELLED";
  const latestInRun = Math.max(...cycle.siblings.map((sibling) => sibling.index)) === cycle.index;
  const previous = cycle.siblings.find((sibling) => sibling.index === cycle.index - 1);
  const actionError = cancel.error ?? resume.error;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="cycle-status" data-status={cycle.status}>
          <StatusBadge status={cycle.status} />
        </span>
        {cycle.isFinal && <span className="text-sm text-slate-600">final cycle (direct answers only)</span>}
        {cycle.cancelRequested && active && <span className="text-sm text-amber-700">cancelling…</span>}
        <span className="text-sm text-slate-500">
          {cycle.startedAt ? `started ${formatDateTime(cycle.startedAt)}` : "not started"}
          {cycle.finishedAt ? ` · finished ${formatDateTime(cycle.finishedAt)}` : ""}
        </span>
        <span className="ml-auto flex gap-2">
          {active && latestInRun && (
            <Button
              variant="secondary"
              size="sm"
              disabled={cancel.isPending || cycle.cancelRequested || confirmingCancel}
              onClick={() => setConfirmingCancel(true)}
            >
              Cancel
            </Button>
          )}
          {stopped && latestInRun && (
            <Button
              variant="secondary"
              size="sm"
              disabled={resume.isPending}
              title="Carry the run on from the stage it stopped in, trying every given-up item again"
              onClick={() => resume.mutate(undefined)}
            >
              Resume
            </Button>
          )}
        </span>
      </div>
      {confirmingCancel && active && latestInRun && !cycle.cancelRequested && (
        <CancelConfirm busy={cancel.isPending} onConfirm={() => cancel.mutate()} onKeep={() => setConfirmingCancel(false)} />
      )}
      {cycle.error && (
        <p role="alert" className="rounded border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {cycle.error}
        </p>
      )}
      {actionError && (
        <p role="alert" className="text-sm text-rose-700">
          {actionError.message}
        </p>
      )}
      <nav className="flex flex-wrap gap-4 text-sm" aria-label="Cycle links">
        {cycle.siblings.map((sibling) => (
          <Link
            key={sibling.id}
            href={`/cycles/${sibling.id}`}
            className={sibling.id === cycle.id ? "font-semibold" : "text-indigo-700 hover:underline"}
          >
            cycle {sibling.index}
          </Link>
        ))}
        <Link href={`/generations?cycleId=${cycle.id}`} className="text-indigo-700 hover:underline">
          Generations
        </Link>
        <Link href={`/exports?cycleId=${cycle.id}`} className="text-indigo-700 hover:underline">
          Export
        </Link>
        {previous && (
          <Link href={`/cycles/compare?a=${previous.id}&b=${cycle.id}`} className="text-indigo-700 hover:underline">
            Compare with cycle {previous.index}
          </Link>
        )}
      </nav>
      <Section title="Stages">
        <StageList stages={cycle.stages} />
        <YieldSummary metrics={cycle.metrics} simulated={cycle.inputCheckpoint.simulated} />
        <TrainingDataSummary data={cycle.trainingData} cycleId={cycle.id} />
      </Section>
      <Section title="Errors by reason">
        <ErrorGroups
          groups={errors.data ?? []}
          canRetry={stopped && latestInRun}
          retryHint={
            stopped
              ? "Resume the run, retrying the given-up items that failed for this reason"
              : "Items are retried while the cycle runs; a stopped cycle can be resumed"
          }
          retrying={resume.isPending}
          onRetry={(group) => resume.mutate([group.reason])}
        />
      </Section>
      <Section title="Training">
        <TrainingPanel runs={training.data ?? []} />
      </Section>
      <Section title="Checkpoint">
        <p className="text-sm">
          generates with <span className="font-mono">{cycle.inputCheckpoint.servedName}</span> ({cycle.inputCheckpoint.kind.toLowerCase()})
          {cycle.inputCheckpoint.simulated && <SimulatedBadge />}
        </p>
        {cycle.outputCheckpoint ? (
          <p className="mt-1 text-sm" data-testid="output-checkpoint">
            produced <span className="font-mono">{cycle.outputCheckpoint.servedName}</span>
            {cycle.outputCheckpoint.adapterPath ? <span className="text-slate-500"> · {cycle.outputCheckpoint.adapterPath}</span> : null}{" "}
            {cycle.outputCheckpoint.simulated && <SimulatedBadge />}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-500">No checkpoint produced yet.</p>
        )}
      </Section>
      <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer text-slate-700">Configuration</summary>
        <pre className="mt-2 overflow-auto text-xs">{JSON.stringify(cycle.config, null, 2)}</pre>
      </details>
    </div>
  );
}

/** The curated training set and, beside it, the verified answers people's audits kept out of it. */
function TrainingDataSummary({ data, cycleId }: { data: GetCockpitCycleResponse["cycle"]["trainingData"]; cycleId: number }) {
  if (data.curated === null && data.leftOutByAudits === 0) return null;
  return (
    <p className="mt-1 text-sm text-slate-700" data-testid="cycle-training-data">
      {data.curated && (
        <>
          training data {formatNumber(data.curated.total)} examples ({formatNumber(data.curated.answers)} answers
          {data.curated.directOnly ? ", direct answers only" : ` + ${formatNumber(data.curated.rationalizations)} rationalizations`}) ·{" "}
        </>
      )}
      <span
        data-testid="cycle-left-out-by-audits"
        title="Verified answers people judged hallucinated (an adjudication decides when there is one)"
      >
        {formatNumber(data.leftOutByAudits)} left out by audits
      </span>
      {data.leftOutByAudits > 0 && (
        <>
          {" · "}
          <Link href={`/exports?cycleId=${cycleId}`} className="text-indigo-700 hover:underline">
            use them as rejected answers in a DPO export
          </Link>
        </>
      )}
    </p>
  );
}

function YieldSummary({ metrics, simulated }: { metrics: unknown; simulated: boolean }) {
  if (typeof metrics !== "object" || metrics === null) return null;
  const values = metrics as Record<string, unknown>;
  const answerYield = typeof values.answerYield === "number" ? values.answerYield : null;
  const answered = typeof values.answered === "number" ? values.answered : null;
  const givenUp = typeof values.givenUp === "number" ? values.givenUp : 0;
  const stop =
    typeof values.stopRule === "object" && values.stopRule !== null ? (values.stopRule as { reason?: unknown }).reason : undefined;
  if (answerYield === null && answered === null && typeof stop !== "string") return null;
  return (
    <p className="mt-4 text-sm text-slate-700" data-testid="cycle-yield">
      {(answerYield !== null || answered !== null) && (
        <>
          answer yield {formatPercent(answerYield)}
          {answered !== null && <> of {answered} questions answered</>}
          {givenUp > 0 && (
            <span className="text-amber-700" data-testid="cycle-given-up">
              {" "}
              · {givenUp} not answered (given up after backend failures, not counted as wrong)
            </span>
          )}
          {simulated && <SimulatedBadge className="ml-1" />}
        </>
      )}
      {typeof stop === "string" && <span className="text-slate-500"> · stop rule: {stop}</span>}
    </p>
  );
}
