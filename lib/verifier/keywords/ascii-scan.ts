/**
 * The keyword rule's hot loop for answers whose words are all ASCII (nearly all answers): one
 * pass over the lower-cased answer for all keywords still unmatched, with no allocation per word.
 *
 * Per answer word and keyword, cheapest test first:
 *  1. length band: 2·min(l1, l2)/(l1 + l2) bounds the ratio, so most lengths cannot pass;
 *  2. character classes: the LCS is at most the keyword characters whose class occurs in the
 *     word (`popcount(K & W)` plus the keyword's repeated characters);
 *  3. the bit-parallel LCS (Hyyrö), run in place on the answer.
 * A word is compared exactly whenever it could pass, or could beat the closest miss so far, so
 * results equal those of comparing every word.
 */
import { percentFromLcs } from "@/lib/verifier/similarity/indel-ratio";

const MAX_PATTERN = 32;
/** Band limit for absurdly low thresholds; no real word is longer. */
const MAX_WORD = 100_000;
/**
 * Bit of an ASCII word character's class (a–z one bit each, digits folded onto bits 26–31);
 * 0 for anything else (a separator). Arithmetic: faster here than a table lookup.
 */
function classBit(code: number): number {
  const letter = code - 97;
  if (letter >= 0 && letter < 26) return 1 << letter;
  const digit = code - 48;
  if (digit >= 0 && digit < 10) return 1 << (digit < 6 ? 26 + digit : 20 + digit);
  return code === PERIOD ? PERIOD_BIT : 0;
}

/** A period inside a number ("3.5") is part of the word; its class shares a digit's bit (a bound stays a bound). */
const PERIOD = 46;
const PERIOD_BIT = 1 << 31;

function isDigitCode(code: number | undefined): boolean {
  return code !== undefined && code >= 48 && code <= 57;
}

/** A keyword compiled for the scan under one threshold. */
export interface AsciiScanPlan {
  readonly length: number;
  /** Pattern bit masks for ASCII code units. */
  readonly masks: Int32Array;
  readonly classBits: number;
  /** Keyword characters beyond one per class (ASCII ones): they may match too. */
  readonly repeats: number;
  readonly shortest: number;
  readonly longest: number;
  /** `percents[n · 33 + lcs]`: fuzz.ratio percentage for a word of n characters (n < TABLE_WORDS). */
  readonly percents: Uint8Array;
  readonly passes: readonly boolean[];
}

const TABLE_WORDS = 65;
const TABLE_STRIDE = MAX_PATTERN + 1;

/** Compiles a keyword for the scan, or returns null when it cannot be scanned this way. */
export function compileAsciiScanPlan(word: string, passes: readonly boolean[]): AsciiScanPlan | null {
  const m = word.length;
  if (m === 0 || m > MAX_PATTERN || /[\uD800-\uDFFF]/.test(word)) return null;
  const masks = new Int32Array(128);
  let classBits = 0;
  let asciiPositions = 0;
  for (let i = 0; i < m; i++) {
    const c = word.charCodeAt(i);
    const bit = c < 128 ? classBit(c) : 0;
    if (bit === 0) continue;
    masks[c] = (masks[c] as number) | (1 << i);
    classBits |= bit;
    asciiPositions++;
  }
  const possible = (n: number) => passes[percentFromLcs(Math.min(m, n), m + n)] === true;
  let shortest = m;
  let longest = m;
  if (possible(m)) {
    while (shortest > 1 && possible(shortest - 1)) shortest--;
    while (longest < MAX_WORD && possible(longest + 1)) longest++;
  }
  const percents = new Uint8Array(TABLE_WORDS * TABLE_STRIDE);
  for (let n = 1; n < TABLE_WORDS; n++) {
    for (let lcs = 0; lcs <= Math.min(m, n); lcs++) percents[n * TABLE_STRIDE + lcs] = percentFromLcs(lcs, m + n);
  }
  return { length: m, masks, classBits, repeats: asciiPositions - popCount(classBits), shortest, longest, percents, passes };
}

function percentOf(plan: AsciiScanPlan, length: number, lcs: number): number {
  return length < TABLE_WORDS ? (plan.percents[length * TABLE_STRIDE + lcs] as number) : percentFromLcs(lcs, plan.length + length);
}

/** Scan outcome for one keyword: offsets and fuzz.ratio percentage, -1 when none. */
export interface AsciiScanResult {
  readonly hitStart: number;
  readonly hitEnd: number;
  readonly hitPercent: number;
  readonly closestStart: number;
  readonly closestEnd: number;
  readonly closestPercent: number;
}

export interface AsciiScanOptions {
  /** `best`: highest similarity, earliest on ties; `first`: earliest word that passes. */
  readonly pickFirst: boolean;
  /** When given, answer words it rejects are skipped (the released code's answer-word filter). */
  readonly eligible?: (word: string, length: number) => boolean;
}

/** Per-keyword scan state, packed for monomorphic access in the hot loop. */
const HIT_PERCENT = 0;
const HIT_START = 1;
const HIT_END = 2;
const CLOSEST_PERCENT = 3;
const CLOSEST_START = 4;
const CLOSEST_END = 5;
const DONE = 6;
const STATE_SIZE = 7;

/** Reused buffer of the text's code units as bytes: typed-array reads are about twice as fast as charCodeAt. */
let scratch = new Uint8Array(4096);
const encoder = new TextEncoder();

/** The text as one byte per UTF-16 unit, non-ASCII units as 0 (a separator); valid until the next call. */
function asBytes(text: string): Uint8Array {
  if (scratch.length < text.length) scratch = new Uint8Array(text.length * 2);
  // Every unit became exactly one byte only if the text is pure ASCII.
  const { read, written } = encoder.encodeInto(text, scratch);
  if (read === text.length && written === text.length) return scratch;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    scratch[i] = c < 128 ? c : 0;
  }
  return scratch;
}

/** Scans `lower` once for every plan; result i belongs to plan i. */
export function scanAsciiWords(lower: string, plans: readonly AsciiScanPlan[], options: AsciiScanOptions): AsciiScanResult[] {
  const text = asBytes(lower);
  const count = plans.length;
  const state = new Int32Array(count * STATE_SIZE);
  let shortestOfAll = Number.MAX_SAFE_INTEGER;
  let longestOfAll = 0;
  for (let k = 0; k < count; k++) {
    const plan = plans[k] as AsciiScanPlan;
    state[k * STATE_SIZE + HIT_PERCENT] = -1;
    state[k * STATE_SIZE + CLOSEST_PERCENT] = -1;
    shortestOfAll = Math.min(shortestOfAll, plan.shortest);
    longestOfAll = Math.max(longestOfAll, plan.longest);
  }
  let active = count;
  const pickFirst = options.pickFirst;
  const eligible = options.eligible;
  const n = lower.length;
  let i = 0;
  while (i < n && active > 0) {
    // One loop over the word's characters, collecting their classes (this shape JIT-compiles best).
    const start = i;
    let wordBits = 0;
    while (i < n) {
      const code = text[i] as number;
      const letter = code - 97;
      if (letter >= 0 && letter < 26) {
        wordBits |= 1 << letter;
        i++;
        continue;
      }
      const digit = code - 48;
      if (digit >= 0 && digit < 10) {
        wordBits |= 1 << (digit < 6 ? 26 + digit : 20 + digit);
        i++;
        continue;
      }
      if (code === PERIOD && i > start && isDigitCode(text[i - 1]) && i + 1 < n && isDigitCode(text[i + 1])) {
        wordBits |= PERIOD_BIT;
        i++;
        continue;
      }
      break;
    }
    if (wordBits === 0) {
      i++;
      continue;
    }
    const length = i - start;
    if (length < shortestOfAll || length > longestOfAll) continue;

    for (let k = 0; k < count; k++) {
      const at = k * STATE_SIZE;
      if (state[at + DONE] === 1) continue;
      const plan = plans[k] as AsciiScanPlan;
      if (length < plan.shortest || length > plan.longest) continue;
      // Upper bound of the LCS from shared character classes; skip unless it could matter.
      let bound = popCount(plan.classBits & wordBits) + plan.repeats;
      if (bound > length) bound = length;
      if (bound > plan.length) bound = plan.length;
      const boundPercent = percentOf(plan, length, bound);
      const hitPercent = state[at + HIT_PERCENT] as number;
      if (boundPercent <= hitPercent) continue;
      if (plan.passes[boundPercent] !== true && (hitPercent >= 0 || boundPercent <= (state[at + CLOSEST_PERCENT] as number))) continue;

      const percent = percentOf(plan, length, lcsInPlace(plan, text, start, i));
      const passes = plan.passes[percent] === true;
      if (passes ? percent <= hitPercent : hitPercent >= 0 || percent <= (state[at + CLOSEST_PERCENT] as number)) continue;
      if (eligible !== undefined && !eligible(lower.slice(start, i), length)) continue;
      if (!passes) {
        state[at + CLOSEST_PERCENT] = percent;
        state[at + CLOSEST_START] = start;
        state[at + CLOSEST_END] = i;
        continue;
      }
      state[at + HIT_PERCENT] = percent;
      state[at + HIT_START] = start;
      state[at + HIT_END] = i;
      if (pickFirst || percent === 100) {
        state[at + DONE] = 1;
        active--;
      }
    }
  }
  return results(state, count);
}

function results(state: Int32Array, count: number): AsciiScanResult[] {
  const out: AsciiScanResult[] = [];
  for (let k = 0; k < count; k++) {
    const at = k * STATE_SIZE;
    const hitPercent = state[at + HIT_PERCENT] as number;
    const closestPercent = state[at + CLOSEST_PERCENT] as number;
    out.push({
      hitPercent,
      hitStart: hitPercent >= 0 ? (state[at + HIT_START] as number) : -1,
      hitEnd: hitPercent >= 0 ? (state[at + HIT_END] as number) : -1,
      closestPercent,
      closestStart: closestPercent >= 0 ? (state[at + CLOSEST_START] as number) : -1,
      closestEnd: closestPercent >= 0 ? (state[at + CLOSEST_END] as number) : -1,
    });
  }
  return out;
}

function lcsInPlace(plan: AsciiScanPlan, text: Uint8Array, from: number, to: number): number {
  const masks = plan.masks;
  let v = -1;
  for (let i = from; i < to; i++) {
    const u = v & (masks[text[i] as number] as number);
    v = (v + u) | (v - u);
  }
  const m = plan.length;
  return m - popCount(v & (m === MAX_PATTERN ? -1 : (1 << m) - 1));
}

function popCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
