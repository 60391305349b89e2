import Link from "next/link";
import type { GetGenerationResponse } from "@/app/api/generations/[id]/route";
import { Section } from "../ui";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

/** A read-only view of one generation: answer, question and labels, verdicts, audits. */
export function GenerationDetailView({ generation }: { generation: GetGenerationResponse["generation"] }) {
  const { question, cycle } = generation;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{question.dataset.name}</span>·
        <Link href={`/cycles/${cycle.id}`} className="text-indigo-700 hover:underline">
          {cycle.run.name} · cycle {cycle.index}
        </Link>
        <Badge tone={generation.mode === "RATIONALIZATION" ? "warning" : "neutral"}>{generation.mode.toLowerCase()}</Badge>
        <span>sample {generation.sampleIndex}</span>·<span className="font-mono">{generation.model}</span>
        {generation.simulated && <SimulatedBadge />}
      </div>
      {generation.reviewItems.length > 0 ? (
        <ul className="flex flex-wrap gap-3 text-sm" aria-label="In review">
          {generation.reviewItems.map((item) => (
            <li key={item.itemId}>
              <Link href={`/review/${item.queueId}/items/${item.itemId}`} className="text-indigo-700 hover:underline">
                Open in review ({item.queueName})
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">Not in any review queue: create one from the review page to have it audited.</p>
      )}
      <Section title="Question">
        <p>{question.text}</p>
        <p className="mt-2 text-xs text-slate-500">
          video <span className="font-mono">{question.video.key}</span> · {question.video.mediaStatus.toLowerCase()}
          {question.video.durationSec ? ` · ${question.video.durationSec.toFixed(1)} s` : ""}
        </p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs" title="Targets">
          {JSON.stringify(question.targets, null, 2)}
        </pre>
      </Section>
      <Section title="Answer">
        <p className="whitespace-pre-wrap" data-testid="generation-text">
          {generation.text}
        </p>
        <p className="mt-2 text-xs text-slate-500">
          {generation.latencyMs ?? "?"} ms · {generation.promptTokens ?? "?"} prompt + {generation.completionTokens ?? "?"} completion
          tokens
          {generation.finishReason ? ` · ${generation.finishReason}` : ""}
        </p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600">Prompt</summary>
          <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{generation.prompt}</pre>
        </details>
      </Section>
      <Section title="Verdicts">
        {generation.verdicts.length === 0 ? (
          <p className="text-sm text-slate-500">Not verified yet.</p>
        ) : (
          <ul className="space-y-2">
            {generation.verdicts.map((verdict) => (
              <li key={verdict.id} className="text-sm">
                {verdict.passed ? <Badge tone="success">passed</Badge> : <Badge tone="danger">failed</Badge>} score{" "}
                {verdict.score.toFixed(2)}
                {verdict.threshold !== null ? ` (threshold ${verdict.threshold})` : ""} · {verdict.method} · verifier{" "}
                {verdict.verifierVersion}
                <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(verdict.matches, null, 2)}</pre>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Audits">
        {generation.audits.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody has audited this answer.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {generation.audits.map((audit) => (
              <li key={audit.id}>
                <span className="font-medium">{audit.userName}</span>: {audit.verdict?.toLowerCase().replace("_", " ") ?? "no verdict"}
                {audit.labelPresent !== null ? ` · label ${audit.labelPresent ? "present" : "missing"}` : ""}
                {audit.submittedAt ? "" : " · draft"}
                {audit.note ? <span className="text-slate-600"> — {audit.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
