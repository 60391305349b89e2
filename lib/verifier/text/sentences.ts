/** A stretch of the original answer. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Sentence ends: runs of terminal punctuation followed by white space or the end of the text
 * (so "3.5" and "e.g.x" do not split), or line breaks.
 */
const SENTENCE_END = /[.!?。！？…]+(?=\s|$)|\n+/g;
const LEADING_SPACE = /^\s+/;
const TRAILING_SPACE = /\s+$/;

/** Sentences of a text with offsets into it, trimmed of surrounding white space; empty ones dropped. */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  let start = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    const stop = end[0].startsWith("\n") ? end.index : end.index + end[0].length;
    pushTrimmed(text, start, stop, sentences);
    start = end.index + end[0].length;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  const raw = text.slice(start, end);
  const lead = LEADING_SPACE.exec(raw)?.[0].length ?? 0;
  const trail = TRAILING_SPACE.exec(raw)?.[0].length ?? 0;
  if (lead + trail >= raw.length) return;
  const from = start + lead;
  const to = end - trail;
  into.push({ start: from, end: to, text: text.slice(from, to) });
}
