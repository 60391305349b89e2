/** A half-open range of JavaScript string offsets (UTF-16 code units): text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  span: Span;
}

// A sentence ends at . ! ? or … followed by whitespace (so "3.2" and "Soms.Tuck" do not split), or at a
// line break.
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    pushTrimmed(text, start, end, sentences);
    start = end;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, start: number, end: number, into: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  if (e > s) into.push({ text: text.slice(s, e), span: { start: s, end: e } });
}

export function sentenceContaining(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.span.start && offset < s.span.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
