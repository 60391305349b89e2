"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { GetReviewQueueAdjudicationsResponse } from "@/app/api/review/queues/[queueId]/adjudications/route";
import { AUDIT_VERDICTS, AUDIT_VERDICT_LABELS, type AuditVerdict } from "@/lib/review/constants";
import { formatDateTime } from "@/lib/format/formatters";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { verdictLabel } from "./format";

type Item = GetReviewQueueAdjudicationsResponse["items"][number];

const DISAGREEMENT_LABELS = { verdict: "verdicts differ", spans: "spans differ" } as const;

/**
 * Where a queue's raters disagree — by verdict, or by hallucinated spans (one marked spans and
 * another none, or their spans never overlap) — each rater's judgement beside the answer, and the
 * form that records the final verdict with a note. For researchers, PIs and admins.
 */
export function AdjudicationView({ queueId, queueName, canOpenQueue }: { queueId: number; queueName: string; canOpenQueue: boolean }) {
  const list = useQuery({ queryKey: reviewKeys.adjudications(queueId), queryFn: () => reviewApi.adjudications(queueId) });
  return (
    <main>
      <div className="flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold">Disagreements · {queueName}</h1>
        {canOpenQueue && (
          <Link href={`/review/${queueId}`} className="text-sm text-indigo-700 hover:underline">
            Back to the queue
          </Link>
        )}
      </div>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Items two or more people submitted and whose raters disagree: by verdict, or by hallucinated spans (one marked spans and another
        none, or their spans never overlap). The final verdict you record replaces the raters&apos; consensus in the queue&apos;s rates, the
        audit export and the training export&apos;s “exclude hallucinated” rule; agreement (κ, α) stays computed on the raters&apos; own
        verdicts.
      </p>
      {list.isPending && <p className="mt-4 text-sm text-slate-500">Loading disagreements…</p>}
      {list.isError && (
        <p role="alert" className="mt-4 text-sm text-rose-700">
          {list.error.message}
        </p>
      )}
      {list.data && (
        <>
          <p className="mt-3 text-sm" data-testid="adjudication-counts">
            {list.data.open} open · {list.data.adjudicated} adjudicated
          </p>
          {list.data.items.length === 0 && <p className="mt-4 text-sm text-slate-500">No disagreements: the raters agree on every item.</p>}
          <ol className="mt-4 space-y-6">
            {list.data.items.map((item) => (
              <DisagreementCard key={item.itemId} queueId={queueId} item={item} />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}

const spanKey = (span: { start: number; end: number }) => `${span.start}:${span.end}`;

function DisagreementCard({ queueId, item }: { queueId: number; item: Item }) {
  const queryClient = useQueryClient();
  const candidates = [
    ...new Map(item.raters.flatMap((rater) => rater.hallucinatedSpans).map((span) => [spanKey(span), span])).values(),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(item.adjudication?.verdict ?? null);
  const [kept, setKept] = useState<Set<string>>(new Set(item.adjudication?.hallucinatedSpans.map(spanKey) ?? []));
  const [note, setNote] = useState(item.adjudication?.note ?? "");
  const save = useMutation({
    mutationFn: () =>
      reviewApi.adjudicate(queueId, item.itemId, {
        verdict: verdict!,
        hallucinatedSpans: candidates.filter((span) => kept.has(spanKey(span))).map(({ start, end }) => ({ start, end })),
        note,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.adjudications(queueId) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.metrics(queueId) });
    },
  });
  const toggle = (key: string) =>
    setKept((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="disagreement" data-item-id={item.itemId}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{item.question}</span>
        {item.isGold && <Badge tone="warning">gold</Badge>}
        {item.simulated && <SimulatedBadge />}
        {item.disagreeOn.map((kind) => (
          <Badge key={kind} tone="danger">
            {DISAGREEMENT_LABELS[kind]}
          </Badge>
        ))}
        <span className="ml-auto" data-testid="adjudication-state">
          {item.adjudication ? (
            <Badge tone="success">Final: {verdictLabel(item.adjudication.verdict)}</Badge>
          ) : (
            <Badge tone="info">Open</Badge>
          )}
        </span>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold text-slate-500 uppercase">Answer</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap" data-testid="disagreement-answer">
            {item.answer}
          </p>
        </div>
        <table className="w-full self-start text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 font-normal">Rater</th>
              <th className="font-normal">Verdict</th>
              <th className="font-normal">Hallucinated spans</th>
              <th className="font-normal">Note</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {item.raters.map((rater) => (
              <tr key={rater.id} data-testid="rater-judgement">
                <td className="py-1 pr-2">{rater.name}</td>
                <td className="pr-2">{verdictLabel(rater.verdict)}</td>
                <td className="pr-2">
                  {rater.hallucinatedSpans.length === 0
                    ? "none"
                    : rater.hallucinatedSpans.map((span) => (
                        <q key={spanKey(span)} className="mr-1 block text-rose-800">
                          {span.text}
                        </q>
                      ))}
                </td>
                <td className="text-slate-600">{rater.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="mt-4 border-t border-slate-100 pt-3 text-sm"
        aria-label={`Final verdict on item ${item.itemId}`}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset>
          <legend className="font-medium">Final verdict</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {AUDIT_VERDICTS.map((option) => (
              <label key={option} className="flex items-center gap-1">
                <input type="radio" name={`verdict-${item.itemId}`} checked={verdict === option} onChange={() => setVerdict(option)} />
                {AUDIT_VERDICT_LABELS[option]}
              </label>
            ))}
          </div>
        </fieldset>
        {candidates.length > 0 && (
          <fieldset className="mt-2">
            <legend className="font-medium">Spans to keep</legend>
            {candidates.map((span) => (
              <label key={spanKey(span)} className="mt-1 flex items-center gap-1">
                <input type="checkbox" checked={kept.has(spanKey(span))} onChange={() => toggle(spanKey(span))} />
                <q>{span.text}</q>
              </label>
            ))}
          </fieldset>
        )}
        <label className="mt-2 block font-medium">
          Note
          <textarea
            className="mt-1 block w-full rounded border border-slate-300 p-2 font-normal"
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="Why this verdict (required)"
          />
        </label>
        <div className="mt-2 flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={verdict === null || note.trim() === "" || save.isPending}>
            {save.isPending ? "Saving…" : item.adjudication ? "Change the final verdict" : "Record final verdict"}
          </Button>
          {item.adjudication && (
            <span className="text-xs text-slate-500" data-testid="adjudicated-by">
              by {item.adjudication.by.name ?? item.adjudication.by.id} · {formatDateTime(item.adjudication.at)}
            </span>
          )}
          {save.isError && (
            <span role="alert" className="text-rose-700">
              {save.error.message}
            </span>
          )}
        </div>
      </form>
    </li>
  );
}
