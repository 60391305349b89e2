import type { VerifierConfig } from "@/lib/verifier/config";
import { configHash } from "@/lib/verifier/config-hash";
import { PAPER_CONFIG } from "@/lib/verifier/presets";
import { EmbeddingError, type Embedder } from "@/lib/verifier/embeddings/embedder";
import type { Target } from "@/lib/verifier/label-schemas";
import type { SemanticScorer } from "@/lib/verifier/label-types/context";
import { semanticLabelTexts, verifyTarget } from "@/lib/verifier/label-types/index";
import { cosineSimilarity } from "@/lib/verifier/similarity/cosine";
import { AnswerText } from "@/lib/verifier/text/answer-text";
import { combineTargetVerdicts, type TargetVerdict, type Verdict } from "@/lib/verifier/verdict";
import { VERIFIER_VERSION } from "@/lib/verifier/version";

export interface VerifyOptions {
  /** Used for `caption` (and `sequence` with semantic matching); lexical fallback without it. */
  readonly embedder?: Embedder;
}

export interface VerifyItem {
  readonly targets: Target | readonly Target[];
  readonly answer: string;
  /** The question's kind; the `reference-code` preset picks the released rule by it. */
  readonly questionKind?: string;
}

export interface QuestionContext {
  /** The question's kind ("activity", "star-qa", "aqa-full"…). */
  readonly questionKind?: string;
}

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
  return verifyPrepared(asList(targets), new AnswerText(answer), config, undefined, question.questionKind);
}

/** Verifies one answer, embedding what semantic targets need when an embedder is given. */
export async function verify(
  targets: Target | readonly Target[],
  answer: string,
  config: VerifierConfig = defaultConfig(),
  options: VerifyOptions & QuestionContext = {},
): Promise<Verdict> {
  const [verdict] = await verifyMany(
    [{ targets, answer, ...(options.questionKind === undefined ? {} : { questionKind: options.questionKind }) }],
    config,
    options,
  );
  return verdict as Verdict;
}

/**
 * Verifies many answers, with one embedding request (split by the embedder if large) for all the
 * distinct label and sentence texts the semantic targets among them need.
 */
export async function verifyMany(
  items: readonly VerifyItem[],
  config: VerifierConfig = defaultConfig(),
  options: VerifyOptions = {},
): Promise<Verdict[]> {
  const prepared = items.map((item) => ({
    targets: asList(item.targets),
    answer: new AnswerText(item.answer),
    questionKind: item.questionKind,
  }));
  const embedder = options.embedder;
  const texts = new Set<string>();
  if (embedder !== undefined) {
    for (const item of prepared) {
      const labelTexts = item.targets.flatMap((target) => semanticLabelTexts(target, config, item.questionKind));
      if (labelTexts.length === 0) continue;
      for (const text of labelTexts) texts.add(text);
      for (const sentence of item.answer.sentences) texts.add(sentence.text);
    }
  }
  const semantic = embedder !== undefined && texts.size > 0 ? await embedTexts(embedder, [...texts]) : undefined;
  return prepared.map((item) => verifyPrepared(item.targets, item.answer, config, semantic, item.questionKind));
}

function verifyPrepared(
  targets: readonly Target[],
  answer: AnswerText,
  config: VerifierConfig,
  semantic: SemanticScorer | undefined,
  questionKind: string | undefined,
): Verdict {
  const verdicts: TargetVerdict[] = [];
  for (let target = 0; target < targets.length; target++) {
    const context = {
      answer,
      config,
      target,
      ...(semantic === undefined ? {} : { semantic }),
      ...(questionKind === undefined ? {} : { questionKind }),
    };
    verdicts.push(verifyTarget(targets[target] as Target, context));
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
