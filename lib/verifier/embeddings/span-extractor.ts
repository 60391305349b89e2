/**
 * An extractive question-answering model (the released parser's `pipeline("question-answering")`,
 * transformers' default distilbert-base-cased-distilled-squad): the stretch of an answer that
 * answers the question, with the model's probability for it.
 */
export interface ExtractedSpan {
  /** The span's text: `context.slice(start, end)`, JavaScript string offsets into the context. */
  readonly answer: string;
  readonly start: number;
  readonly end: number;
  /** The model's probability for the span, in [0, 1]. */
  readonly score: number;
}

export interface SpanExtractor {
  /** Model name, recorded in verdict details. */
  readonly spanModel?: string;
  extractSpan(question: string, context: string): Promise<ExtractedSpan>;
}
