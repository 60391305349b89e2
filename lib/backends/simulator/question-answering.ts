/**
 * A simulated extractive question-answering model (the Hugging Face question-answering task that
 * the released Video-STaR parser calls): no trained reader, but deterministic rules that pick the
 * kind of span such a model picks from the simulator's own answers. A question about time gets the
 * stretch of the last sentence holding numbers; any other question the words after the last "is",
 * "are", "of" or "to" of the last sentence ("... the answer is The closet/cabinet." → "The
 * closet/cabinet"). The score is high when a rule applied, low when the whole sentence is returned.
 */

export interface SimulatedAnswer {
  answer: string;
  score: number;
  /** Offsets in code points, as Python (and so the Hugging Face API) counts them. */
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?]+(?=\s|$)|\n+/g;
const TIME_QUESTION = /\b(when|what time|which time|time span|how long|at what point)\b/i;
const NUMBER = /\d+(?:\.\d+)?(?:\s*(?:s|sec|secs|seconds?)\b)?/g;
const CUE = /\b(?:is|are|was|were|of|to)\s+/gi;
const TRAILING = /[\s.,;:!?]+$/;

export function simulateAnswerSpan(question: string, context: string): SimulatedAnswer {
  const sentence = lastSentence(context, TIME_QUESTION.test(question));
  if (sentence === undefined) return result(context, 0, 0, 0.01);
  const [from, to] = sentence;
  const text = context.slice(from, to);
  if (TIME_QUESTION.test(question)) {
    const numbers = [...text.matchAll(NUMBER)];
    const first = numbers[0];
    const last = numbers.at(-1);
    if (first !== undefined && last !== undefined) return result(context, from + first.index, from + last.index + last[0].length, 0.9);
    return result(context, from, to, 0.3);
  }
  const cues = [...text.matchAll(CUE)];
  const cue = cues.at(-1);
  if (cue !== undefined) {
    const start = from + cue.index + cue[0].length;
    const end = from + text.replace(TRAILING, "").length;
    if (end > start) return result(context, start, end, 0.85);
  }
  return result(context, from, from + text.replace(TRAILING, "").length, 0.35);
}

/** The last sentence (with numbers, when asked for) as [start, end) offsets, trimmed. */
function lastSentence(context: string, wantNumbers: boolean): [number, number] | undefined {
  const sentences: [number, number][] = [];
  let start = 0;
  for (const end of context.matchAll(SENTENCE_END)) {
    push(context, start, end.index + end[0].length, sentences);
    start = end.index + end[0].length;
  }
  push(context, start, context.length, sentences);
  const withNumbers = sentences.filter(([from, to]) => /\d/.test(context.slice(from, to)));
  return (wantNumbers && withNumbers.length > 0 ? withNumbers : sentences).at(-1);
}

function push(context: string, from: number, to: number, into: [number, number][]): void {
  const raw = context.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed.length > 0) into.push([from + lead, from + lead + trimmed.length]);
}

function result(context: string, start: number, end: number, score: number): SimulatedAnswer {
  return { answer: context.slice(start, end), score, start: codePoints(context, start), end: codePoints(context, end) };
}

function codePoints(text: string, utf16Offset: number): number {
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Offset) i++;
    count++;
  }
  return count;
}
