import type { VerifierConfig } from "@/lib/verifier/config";
import { configHash } from "@/lib/verifier/config-hash";
import { PAPER_CONFIG } from "@/lib/verifier/presets";
import { EmbeddingError, type Embedder } from "@/lib/verifier/embeddings/embedder";
import type { SpanExtractor } from "@/lib/verifier/embeddings/span-extractor";
import type { Target } from "@/lib/verifier/label-schemas";
import type { AnswerSpan, SemanticScorer } from "@/lib/verifier/label-types/context";
import { semanticLabelTexts, verifyTarget } from "@/lib/verifier/label-types/index";
import { releasedEmbedsSpan, releasedTargetReadsSpan } from "@/lib/verifier/released/verify-released";
import { cosineSimilarity } from "@/lib/verifier/similarity/cosine";
import { AnswerText } from "@/lib/verifier/text/answer-text";
import { combineTargetVerdicts, type TargetVerdict, type Verdict } from "@/lib/verifier/verdict";
import { VERIFIER_VERSION } from "@/lib/verifier/version";

export interface VerifyOptions {
  /** Used for `caption` (and `sequence` with semantic matching); lexical fallback without it. */
  readonly embedder?: Embedder;
  /**
   * The `reference-code` preset's question-answering model: the released parser cuts some answers
   * down to the span it picks (STAR answers, before/after actions, object names, intervals).
   */
  readonly spanExtractor?: SpanExtractor;
}

export interface VerifyItem {
  readonly targets: Target | readonly Target[];
  readonly answer: string;
  /** The question's kind; the `reference-code` preset picks the released rule by it. */
  readonly questionKind?: string;
  /** The question as asked, which the span extractor is given with the answer. */
  readonly question?: string;
}

export interface QuestionContext {
  /** The question's kind ("activity", "star-qa", "aqa-full"…). */
  readonly questionKind?: string;
}

const NO_SPAN_EXTRACTOR = "no question-answering model is configured to find the answer's span (extract_from_question)";

function defaultConfig(): VerifierConfig {
  return PAPER_CONFIG;
}

/**
 * Verifies an answer against a question's targets without embeddings (semantic types use the
 * lexical fallback). Synchronous: the hot path of bulk verification.
 */
export function verifySync(
  targets: Target | readonly Target[],
  answer: string,
  config: VerifierConfig = defaultConfig(),
  question: QuestionContext = {},
): Verdict {
  return verifyPrepared(
    { targets: asList(targets), answer: new AnswerText(answer), questionKind: question.questionKind, spanUnavailable: NO_SPAN_EXTRACTOR },
    config,
    undefined,
  );
}

/** Verifies one answer, embedding what semantic targets need when an embedder is given. */
export async function verify(
  targets: Target | readonly Target[],
  answer: string,
  config: VerifierConfig = defaultConfig(),
  options: VerifyOptions & QuestionContext & { readonly question?: string } = {},
): Promise<Verdict> {
  const [verdict] = await verifyMany(
    [
      {
        targets,
        answer,
        ...(options.questionKind === undefined ? {} : { questionKind: options.questionKind }),
        ...(options.question === undefined ? {} : { question: options.question }),
      },
    ],
    config,
    options,
  );
  return verdict as Verdict;
}

interface PreparedItem {
  readonly targets: readonly Target[];
  readonly answer: AnswerText;
  readonly questionKind: string | undefined;
  span?: AnswerSpan;
  spanUnavailable?: string;
}

/**
 * Verifies many answers, with one embedding request (split by the embedder if large) for all the
 * distinct label and sentence texts the semantic targets among them need, after asking the span
 * extractor (concurrently) for the spans the `reference-code` preset's rules read. A failing
 * embedder or span extractor rejects the whole call: no verdict is made up without them.
 */
export async function verifyMany(
  items: readonly VerifyItem[],
  config: VerifierConfig = defaultConfig(),
  options: VerifyOptions = {},
): Promise<Verdict[]> {
  const prepared: PreparedItem[] = items.map((item) => ({
    targets: asList(item.targets),
    answer: new AnswerText(item.answer),
    questionKind: item.questionKind,
  }));
  await findSpans(items, prepared, config, options.spanExtractor);
  const embedder = options.embedder;
  const texts = new Set<string>();
  if (embedder !== undefined) {
    for (const item of prepared) {
      let answerSentences = false;
      for (const target of item.targets) {
        const labelTexts = semanticLabelTexts(target, config, item.questionKind);
        if (labelTexts.length === 0) continue;
        for (const text of labelTexts) texts.add(text);
        const fromSpan = config.preset === "reference-code" && releasedEmbedsSpan(target, item.questionKind);
        if (!fromSpan) answerSentences = true;
        else if (item.span !== undefined) for (const sentence of item.span.text.sentences) texts.add(sentence.text);
      }
      if (answerSentences) for (const sentence of item.answer.sentences) texts.add(sentence.text);
    }
  }
  const semantic = embedder !== undefined && texts.size > 0 ? await embedTexts(embedder, [...texts]) : undefined;
  return prepared.map((item) => verifyPrepared(item, config, semantic));
}

/** Asks the span extractor about the answers whose released rules read a span; says why where none can be had. */
async function findSpans(
  items: readonly VerifyItem[],
  prepared: PreparedItem[],
  config: VerifierConfig,
  extractor: SpanExtractor | undefined,
): Promise<void> {
  if (config.preset !== "reference-code") return;
  const asks: Promise<void>[] = [];
  prepared.forEach((item, i) => {
    if (!item.targets.some((target) => releasedTargetReadsSpan(target, item.questionKind))) return;
    const question = items[i]?.question;
    if (extractor === undefined) item.spanUnavailable = NO_SPAN_EXTRACTOR;
    else if (question === undefined || question.trim() === "")
      item.spanUnavailable = "the question's text was not given to find the answer's span";
    else
      asks.push(
        extractor.extractSpan(question, item.answer.text).then((found) => {
          const start = Math.max(0, Math.min(found.start, item.answer.text.length));
          const end = Math.max(start, Math.min(found.end, item.answer.text.length));
          const model = extractor.spanModel ?? "question-answering";
          item.span = { text: new AnswerText(item.answer.text.slice(start, end)), start, end, score: found.score, model };
        }),
      );
  });
  await Promise.all(asks);
}

function verifyPrepared(item: PreparedItem, config: VerifierConfig, semantic: SemanticScorer | undefined): Verdict {
  const verdicts: TargetVerdict[] = [];
  for (let target = 0; target < item.targets.length; target++) {
    const context = {
      answer: item.answer,
      config,
      target,
      ...(semantic === undefined ? {} : { semantic }),
      ...(item.questionKind === undefined ? {} : { questionKind: item.questionKind }),
      ...(item.span === undefined ? {} : { answerSpan: item.span }),
      ...(item.spanUnavailable === undefined ? {} : { spanUnavailable: item.spanUnavailable }),
    };
    verdicts.push(verifyTarget(item.targets[target] as Target, context));
  }
  return combineTargetVerdicts(verdicts, { verifierVersion: VERIFIER_VERSION, configHash: configHash(config) });
}

async function embedTexts(embedder: Embedder, texts: string[]): Promise<SemanticScorer> {
  const vectors = await embedder.embed(texts);
  if (vectors.length !== texts.length) {
    throw new EmbeddingError(`embedder returned ${vectors.length} vectors for ${texts.length} texts`);
  }
  const byText = new Map<string, number[]>();
  for (const [i, text] of texts.entries()) byText.set(text, vectors[i] as number[]);
  const vectorOf = (text: string): number[] => {
    const vector = byText.get(text);
    if (vector === undefined) throw new Error(`no embedding was computed for ${JSON.stringify(text.slice(0, 60))}`);
    return vector;
  };
  return {
    model: embedder.model ?? "custom",
    similarity: (a, b) => cosineSimilarity(vectorOf(a), vectorOf(b)),
  };
}

function asList(targets: Target | readonly Target[]): readonly Target[] {
  const list = Array.isArray(targets) ? (targets as readonly Target[]) : [targets as Target];
  if (list.length === 0) throw new Error("verify: a question needs at least one target");
  return list;
}
