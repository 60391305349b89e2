/**
 * Indel (insertion/deletion only) similarity, as computed by fuzzywuzzy's `fuzz.ratio` with
 * python-Levenshtein and by rapidfuzz: ratio = 2·M / (len1 + len2), M = longest common subsequence.
 *
 * `fastest-levenshtein` computes the substitution-allowing distance, from which the indel
 * distance cannot be derived, so the LCS is computed here: bit-parallel (Hyyrö 2004) for
 * patterns of up to 32 UTF-16 units without surrogates, a plain dynamic programme otherwise.
 * Lengths count code points, like Python strings.
 */

const WORD_BITS = 32;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Bit masks of the loaded pattern, indexed by UTF-16 code unit. Reset after every use. */
const patternMasks = new Int32Array(0x10000);
let dpRow = new Int32Array(64);
let patternLoaded = false;

export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}

export function codePointLength(text: string): number {
  if (!hasSurrogates(text)) return text.length;
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Length of the longest common subsequence of two strings, by code point. */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (hasSurrogates(a) || hasSurrogates(b)) return lcsByDynamicProgramme(Array.from(a), Array.from(b));
  if (a.length <= WORD_BITS) return lcsBitParallel(a, b);
  if (b.length <= WORD_BITS) return lcsBitParallel(b, a);
  return lcsByDynamicProgramme(a, b);
}

/**
 * Runs `visit` with an LCS function bound to `pattern`, loading the pattern's bit masks once for
 * many texts (the hot loop of keyword search). Texts must be free of surrogates when the
 * pattern is; anything the fast path cannot handle falls back to `lcsLength`.
 */
export function withPattern<T>(pattern: string, visit: (lcsWith: LcsWithPattern) => T): T {
  const fast = pattern.length > 0 && pattern.length <= WORD_BITS && !hasSurrogates(pattern);
  if (!fast) return visit((text) => lcsLength(pattern, text));
  if (patternLoaded) throw new Error("withPattern: nested use is not supported");
  loadPattern(pattern);
  patternLoaded = true;
  try {
    return visit((text, textHasSurrogates = hasSurrogates(text)) =>
      textHasSurrogates ? lcsLength(pattern, text) : runLoadedPattern(pattern.length, text),
    );
  } finally {
    unloadPattern(pattern);
    patternLoaded = false;
  }
}

/** LCS of the loaded pattern with `text`; pass `textHasSurrogates` when known to skip a scan. */
export type LcsWithPattern = (text: string, textHasSurrogates?: boolean) => number;

function lcsBitParallel(pattern: string, text: string): number {
  if (patternLoaded) return lcsByDynamicProgramme(pattern, text);
  loadPattern(pattern);
  try {
    return runLoadedPattern(pattern.length, text);
  } finally {
    unloadPattern(pattern);
  }
}

function loadPattern(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern.charCodeAt(i);
    patternMasks[unit] = (patternMasks[unit] as number) | (1 << i);
  }
}

function unloadPattern(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) patternMasks[pattern.charCodeAt(i)] = 0;
}

/** Allison–Dix / Hyyrö: V' = (V + U) | (V − U), U = V & mask(c); LCS = zero bits of V. */
function runLoadedPattern(patternLength: number, text: string): number {
  let v = -1;
  for (let i = 0; i < text.length; i++) {
    const u = v & (patternMasks[text.charCodeAt(i)] as number);
    v = (v + u) | (v - u);
  }
  const mask = patternLength === WORD_BITS ? -1 : (1 << patternLength) - 1;
  return patternLength - popCount(v & mask);
}

function popCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function lcsByDynamicProgramme(a: ArrayLike<string>, b: ArrayLike<string>): number {
  const columns = b.length + 1;
  if (dpRow.length < columns) dpRow = new Int32Array(columns * 2);
  const row = dpRow;
  row.fill(0, 0, columns);
  for (let i = 0; i < a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j < columns; j++) {
      const above = row[j] as number;
      row[j] = a[i] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[columns - 1] as number;
}

/** Indel distance: insertions plus deletions needed to turn one string into the other. */
export function indelDistance(a: string, b: string): number {
  return codePointLength(a) + codePointLength(b) - 2 * lcsLength(a, b);
}

/** Exact indel ratio in [0, 1]; two empty strings are identical (1). */
export function indelRatio(a: string, b: string): number {
  const total = codePointLength(a) + codePointLength(b);
  return total === 0 ? 1 : (2 * lcsLength(a, b)) / total;
}

/**
 * fuzzywuzzy's `fuzz.ratio`: `int(round(100 * ratio))` with Python's round-half-to-even, so the
 * result is the same integer percentage (e.g. "apple"/"apples" → 91, "kitten"/"sitting" → 62).
 */
export function fuzzRatio(a: string, b: string): number {
  if (a === b) return 100;
  if (a.length === 0 || b.length === 0) return 0;
  return percentFromLcs(lcsLength(a, b), codePointLength(a) + codePointLength(b));
}

/** The fuzz.ratio percentage for a common subsequence of `lcs` over total length `total`. */
export function percentFromLcs(lcs: number, total: number): number {
  return roundHalfToEven(100 * ((2 * lcs) / total));
}

export function roundHalfToEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
