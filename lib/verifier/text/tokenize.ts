/**
 * Words as the keyword rule sees them. A word is a maximal run of letters, marks and digits in the
 * ORIGINAL text, where a period between two digits belongs to the word (so "3.5" is one word, as in
 * spaCy; other punctuation, hyphens, apostrophes, underscores and emoji separate words); each
 * run is then NFKC-normalised and lower-cased, and split again should normalisation have produced
 * a separator. Offsets always refer to the original text.
 */

export interface Token {
  /** Normalised (NFKC, lower-case) word. */
  readonly word: string;
  /** Offsets of the original run in the original text (JavaScript string indices). */
  readonly start: number;
  readonly end: number;
}

const WORD_RUN = /(?:[\p{L}\p{N}\p{M}]|(?<=\p{Nd})\.(?=\p{Nd}))+/gu;
const NON_ASCII = /\P{ASCII}/u;
const NON_ASCII_WORD_CHAR = /(?!\p{ASCII})[\p{L}\p{N}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function containsWordCharacter(text: string): boolean {
  return WORD_CHAR.test(text);
}

/** Buffer.byteLength is several times faster than a regular expression scan where it exists. */
const utf8Length: ((text: string) => number) | undefined =
  typeof Buffer === "undefined" ? undefined : (text) => Buffer.byteLength(text, "utf8");

function isAscii(text: string): boolean {
  return utf8Length === undefined ? !NON_ASCII.test(text) : utf8Length(text) === text.length;
}

/**
 * The lower-cased text when every word character in it is ASCII, so that words can be found by
 * scanning for [a-z0-9] at unchanged offsets; `null` when the general Unicode path is needed.
 */
export function asciiWordView(text: string): string | null {
  if (!isAscii(text) && NON_ASCII_WORD_CHAR.test(text)) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether the character at `i` of an ASCII-word view belongs to a word: [a-z0-9], or a period between digits. */
export function isAsciiWordAt(lower: string, i: number): boolean {
  const code = lower.charCodeAt(i);
  if (isAsciiWordCode(code)) return true;
  return code === 46 && isAsciiDigit(lower.charCodeAt(i - 1)) && isAsciiDigit(lower.charCodeAt(i + 1));
}

/** Normalises one word run: NFKC then lower case; ASCII runs only need lower-casing. */
function normaliseRun(run: string): string {
  return isAscii(run) ? run.toLowerCase() : run.normalize("NFKC").toLowerCase();
}

export function tokenize(text: string): Token[] {
  const lower = asciiWordView(text);
  return lower === null ? tokenizeUnicode(text) : tokenizeAsciiView(lower);
}

/** Words of a text whose word characters are all ASCII, given its lower-cased view. */
export function tokenizeAsciiView(lower: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    if (isAsciiWordAt(lower, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push({ word: lower.slice(start, i), start, end: i });
      start = -1;
    }
  }
  if (start >= 0) tokens.push({ word: lower.slice(start), start, end: lower.length });
  return tokens;
}

function tokenizeUnicode(text: string): Token[] {
  const tokens: Token[] = [];
  for (const run of text.matchAll(WORD_RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    const normalised = normaliseRun(run[0]);
    for (const piece of normalised.match(WORD_RUN) ?? []) tokens.push({ word: piece, start, end });
  }
  return tokens;
}

/** The normalised words of a short text (labels, names), without offsets. */
export function normalisedWords(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}
