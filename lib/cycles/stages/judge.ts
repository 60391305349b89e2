import type { EmbeddingsClient } from "@/lib/backends";
import { verifyMany, verifySync, type Embedder, type SpanExtractor, type Target, type Verdict, type VerifierConfig } from "@/lib/verifier";
import { withClipDuration } from "../clip-duration";
import type { JudgedVerdict } from "../db/generation-store";

/** The embeddings backend as the verifier uses it: sentence embeddings and, if it has one, the question-answering model. */
export interface VerifierBackends {
  embedder: Embedder;
  spanExtractor?: SpanExtractor;
}

/**
 * The verifier's view of an embeddings client, for one batch (its abort signal). A simulated
 * backend's model names say so, and they end up in every verdict method that used them.
 */
export function verifierBackendsOf(client: EmbeddingsClient, simulated: boolean, signal?: AbortSignal): VerifierBackends {
  const mark = (name: string) => (simulated ? `simulated-${name}` : name);
  const embedder: Embedder = { model: mark(client.model), embed: (texts) => client.embed(texts, signal) };
  const extractor = client.spanExtractor(signal);
  if (extractor === undefined) return { embedder };
  return { embedder, spanExtractor: { spanModel: mark(extractor.spanModel ?? "question-answering"), extractSpan: extractor.extractSpan } };
}

export interface JudgeItem {
  targets: readonly Target[];
  text: string;
  kind?: string;
  question?: string;
  /** The probed length of the clip the model saw, for targets whose label has no duration. */
  clipDurationSec?: number | null;
}

/**
 * The parser-verifier's verdict on an answer, as a Verdict row (synchronous, without embeddings: the
 * paper preset's lexical fallback for captions; the reference-code preset says its sentence rules
 * could not be applied). The question's kind picks the released rule under reference-code.
 */
export function judge(item: JudgeItem, config: VerifierConfig): JudgedVerdict {
  const verdict = verifySync(
    withClipDuration(item.targets, item.clipDurationSec),
    item.text,
    config,
    item.kind === undefined ? {} : { questionKind: item.kind },
  );
  return asRow(verdict);
}

/**
 * Verdicts on many answers with an embeddings backend: one verifier call, so one embeddings request
 * (split by the client into batches) for all of them, and the question-answering model asked
 * concurrently where the released parser needs a span. A backend failure rejects the whole call.
 */
export async function judgeMany(items: readonly JudgeItem[], config: VerifierConfig, backends: VerifierBackends): Promise<JudgedVerdict[]> {
  const verdicts = await verifyMany(
    items.map((item) => ({
      targets: withClipDuration(item.targets, item.clipDurationSec),
      answer: item.text,
      ...(item.kind === undefined ? {} : { questionKind: item.kind }),
      ...(item.question === undefined ? {} : { question: item.question }),
    })),
    config,
    backends,
  );
  return verdicts.map(asRow);
}

function asRow(verdict: Verdict): JudgedVerdict {
  return {
    verifierVersion: verdict.verifierVersion,
    configHash: verdict.configHash,
    passed: verdict.passed,
    score: verdict.score,
    threshold: verdict.threshold,
    method: verdict.method,
    matches: verdict.matches,
  };
}
