/**
 * Plausible but wrong values, one per label type, each far enough from the truth that the
 * project's verifier (appendix F thresholds) rejects it.
 */
import { boxIou, temporalIou, type Box, type Span } from "./geometry";
import { keywordsOf, sharesKeyword } from "./keywords";
import type { Rng } from "@/lib/random/seeded-random";
import { actionClasses, householdActions, householdAnswers, unrelatedCaptions } from "./vocabulary";

/** Another class that shares no content word with the label (so fuzzy keyword matching fails). */
export function wrongClass(label: string, rng: Rng): string {
  return rng.pick(cached(classCandidates, label, wrongClassCandidates));
}

function wrongClassCandidates(label: string): readonly string[] {
  const looksLikeChoice = /[.!?]$/.test(label.trim()) || /^[A-Z]/.test(label);
  const pool: readonly string[] = looksLikeChoice ? householdAnswers : actionClasses;
  const keywords = keywordsOf(label);
  const candidates = pool.filter((c) => !sharesKeyword(c, keywords) && c !== label);
  return candidates.length > 0 ? candidates : pool.filter((c) => c !== label);
}

/**
 * Candidates depend on the label alone and a dataset has few distinct labels, while every wrong
 * answer needs them: kept per label (bounded), so a request does not re-scan the vocabulary.
 */
const classCandidates = new Map<string, readonly string[]>();
const captionCandidates = new Map<string, readonly string[]>();
const MAX_CACHED_LABELS = 10_000;

function cached(cache: Map<string, readonly string[]>, label: string, compute: (label: string) => readonly string[]): readonly string[] {
  let candidates = cache.get(label);
  if (candidates === undefined) {
    candidates = compute(label);
    if (cache.size >= MAX_CACHED_LABELS) cache.clear();
    cache.set(label, candidates);
  }
  return candidates;
}

/** A value 20–45 % away (at least 1.5), keeping the sign of non-negative values. */
export function wrongFloat(value: number, rng: Rng): number {
  const shift = Math.max(1.5, Math.abs(value) * rng.between(0.2, 0.45));
  const down = value - shift;
  const goDown = rng.chance(0.5) && (value < 0 || down >= 0);
  return Number((goDown ? down : value + shift).toFixed(2));
}

/** A box overlapping the truth by IoU < 0.2. */
export function wrongBox(box: Box, rng: Rng): Box {
  for (let attempt = 0; attempt < 30; attempt++) {
    const w = rng.between(0.15, 0.45);
    const h = rng.between(0.15, 0.45);
    const x1 = rng.between(0, 1 - w);
    const y1 = rng.between(0, 1 - h);
    const candidate = roundedBox(x1, y1, x1 + w, y1 + h);
    if (boxIou(candidate, box) < 0.2) return candidate;
  }
  // The truth covers nearly everything: a small box in the corner farthest from its centre.
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const x = cx < 0.5 ? 0.85 : 0;
  const y = cy < 0.5 ? 0.85 : 0;
  return roundedBox(x, y, x + 0.15, y + 0.15);
}

/** A shifted or shrunken interval with temporal IoU below 0.3. */
export function wrongInterval(span: Span, rng: Rng): Span {
  const length = Math.max(span.end - span.start, 1);
  const options: Span[] = [];
  const later = length * rng.between(1.2, 2);
  options.push({ start: span.start + later, end: span.end + later });
  if (span.start >= length * 1.3) {
    const earlier = length * rng.between(1.1, span.start / length);
    options.push({ start: Math.max(0, span.start - earlier), end: Math.max(0, span.start - earlier) + length });
  }
  const tinyStart = span.end + rng.between(0.5, 2);
  options.push({ start: tinyStart, end: tinyStart + length * 0.3 });
  const valid = options
    .map((o) => ({ start: round1(o.start), end: round1(o.end) }))
    .filter((o) => o.end > o.start && temporalIou(o, span) < 0.3);
  return valid.length > 0 ? rng.pick(valid) : { start: round1(span.end + 1), end: round1(span.end + 1 + length) };
}

/** A time 2.5–6 s away. */
export function wrongTimestamp(time: number, rng: Rng): number {
  const shift = rng.between(2.5, 6);
  return round1(time > 6 && rng.chance(0.5) ? time - shift : time + shift);
}

/** The actions out of order (reversed), or a different action when there is only one. */
export function wrongSequence(actions: readonly string[], rng: Rng): string[] {
  const reversed = [...actions].reverse();
  if (actions.length >= 2 && reversed.some((a, i) => a !== actions[i])) return reversed;
  const others = householdActions.filter((a) => !actions.includes(a));
  return actions.length >= 2 ? [rng.pick(others), ...actions.slice(1)] : [rng.pick(others)];
}

/** An unrelated caption, sharing as few words as possible with the true one. */
export function wrongCaption(caption: string, rng: Rng): string {
  return rng.pick(cached(captionCandidates, caption, unrelatedCaptionCandidates));
}

function unrelatedCaptionCandidates(caption: string): readonly string[] {
  const keywords = keywordsOf(caption);
  const candidates = unrelatedCaptions.filter((c) => !sharesKeyword(c, keywords));
  return candidates.length > 0 ? candidates : unrelatedCaptions;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function roundedBox(x1: number, y1: number, x2: number, y2: number): Box {
  const r = (v: number) => Math.round(v * 100) / 100;
  return [r(x1), r(y1), r(x2), r(y2)];
}
