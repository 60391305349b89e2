/**
 * spaCy v3's rule-based English tokenizer (`spacy/tokenizer.pyx`, `Tokenizer.__call__`,
 * `_split_affixes`, `_attach_tokens`), which the released Video-STaR verifier runs before it
 * filters keywords: white space splits the text; each piece is a special case, or loses prefixes
 * and suffixes one at a time (stopping at a special case), and what remains is a URL, or is split
 * at infixes. So "3.5", "1,234" and "covid-19" stay one token, while "Soms.Tuck" is
 * "Soms" "." "Tuck" and "don't" is "do" "n't". Not reproduced: the special-case matcher's second
 * pass (special cases glued to other punctuation), which no English keyword can be affected by.
 */
import { INFIX_FINDER, PREFIX_SEARCH, SUFFIX_SEARCH, URL_MATCH } from "@/lib/verifier/spacy/affix-rules";
import { ENGLISH_SPECIAL_CASES } from "@/lib/verifier/spacy/english-exceptions";

/** A token: its text and JavaScript string offsets into the tokenised text. */
export interface SpacyToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Python's `str.isspace()` characters. */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function spacyTokenize(text: string): SpacyToken[] {
  const tokens: SpacyToken[] = [];
  forEachSpan(text, (from, to) => tokenizeSpan(text, from, to, tokens));
  return tokens;
}

/**
 * The spans `Tokenizer.__call__` tokenises one by one: runs of non-space characters, and runs of
 * white space less the single space that separates two tokens.
 */
function forEachSpan(text: string, visit: (from: number, to: number) => void): void {
  if (text.length === 0) return;
  let inSpace = isPythonSpace(text.charCodeAt(0));
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPythonSpace(code) === inSpace) continue;
    if (start < i) visit(start, i);
    start = code === 0x20 ? i + 1 : i;
    inSpace = !inSpace;
  }
  if (start < text.length) visit(start, text.length);
}

/** Pieces of a span, cached by span text as spaCy's tokenizer caches them (answers repeat words). */
const spanCache = new Map<string, readonly string[]>();
const SPAN_CACHE_LIMIT = 200_000;

/** One white-space-delimited span (or a run of white space), from `from` to `to` in `text`. */
function tokenizeSpan(text: string, from: number, to: number, into: SpacyToken[]): void {
  const span = text.slice(from, to);
  let pieces = spanCache.get(span);
  if (pieces === undefined) {
    pieces = spanPieces(span);
    if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.clear();
    spanCache.set(span, pieces);
  }
  pushPieces(pieces, from, into);
}

/** The token texts of one span, in order (they concatenate to the span). */
export function spanPieces(span: string): readonly string[] {
  const special = ENGLISH_SPECIAL_CASES.get(span);
  if (special !== undefined) return special;
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const rest = splitAffixes(span, prefixes, suffixes);
  const pieces = [...prefixes];
  if (rest !== "") attachMiddle(rest, pieces);
  for (let i = suffixes.length - 1; i >= 0; i--) pieces.push(suffixes[i] as string);
  return pieces;
}

function splitAffixes(span: string, prefixes: string[], suffixes: string[]): string {
  let string = span;
  let lastSize = -1;
  while (string !== "" && string.length !== lastSize) {
    if (ENGLISH_SPECIAL_CASES.has(string)) break;
    lastSize = string.length;
    const preLength = prefixLength(string);
    if (preLength > 0) {
      const minusPre = string.slice(preLength);
      if (minusPre !== "" && ENGLISH_SPECIAL_CASES.has(minusPre)) {
        prefixes.push(string.slice(0, preLength));
        string = minusPre;
        break;
      }
    }
    const sufLength = suffixLength(string.slice(preLength));
    if (sufLength > 0) {
      const minusSuf = string.slice(0, string.length - sufLength);
      if (minusSuf !== "" && ENGLISH_SPECIAL_CASES.has(minusSuf)) {
        suffixes.push(string.slice(string.length - sufLength));
        string = minusSuf;
        break;
      }
    }
    if (preLength > 0 && sufLength > 0 && preLength + sufLength <= string.length) {
      prefixes.push(string.slice(0, preLength));
      suffixes.push(string.slice(string.length - sufLength));
      string = string.slice(preLength, string.length - sufLength);
    } else if (preLength > 0) {
      prefixes.push(string.slice(0, preLength));
      string = string.slice(preLength);
    } else if (sufLength > 0) {
      suffixes.push(string.slice(string.length - sufLength));
      string = string.slice(0, string.length - sufLength);
    }
    if (string !== "" && ENGLISH_SPECIAL_CASES.has(string)) break;
  }
  return string;
}

function prefixLength(string: string): number {
  const match = PREFIX_SEARCH.exec(string);
  return match === null ? 0 : match[0].length;
}

function suffixLength(string: string): number {
  const match = SUFFIX_SEARCH.exec(string);
  return match === null ? 0 : string.length - match.index;
}

/** The middle of a span once its affixes are off: a special case, a URL, or pieces between infixes. */
function attachMiddle(string: string, into: string[]): void {
  const special = ENGLISH_SPECIAL_CASES.get(string);
  if (special !== undefined) {
    into.push(...special);
    return;
  }
  if (URL_MATCH.test(string)) {
    into.push(string);
    return;
  }
  let start = 0;
  for (const match of infixMatches(string)) {
    const infixStart = match.index;
    const infixEnd = infixStart + match[0].length;
    if (infixStart === 0) continue;
    if (infixStart !== start) into.push(string.slice(start, infixStart));
    if (infixStart !== infixEnd) into.push(match[0]);
    start = infixEnd;
  }
  if (start < string.length) into.push(string.slice(start));
}

/**
 * `string.matchAll(INFIX_FINDER)` without its copy of the expression: matchAll builds a new
 * RegExp per call, and compiling this one (large Unicode classes) costs tens of microseconds.
 */
export function infixMatches(string: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  INFIX_FINDER.lastIndex = 0;
  for (let match = INFIX_FINDER.exec(string); match !== null; match = INFIX_FINDER.exec(string)) {
    matches.push(match);
    // An empty match moves on by one code point, as matchAll does in Unicode mode.
    if (match[0] === "") INFIX_FINDER.lastIndex += (string.codePointAt(INFIX_FINDER.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  INFIX_FINDER.lastIndex = 0;
  return matches;
}

function pushPieces(pieces: readonly string[], from: number, into: SpacyToken[]): void {
  let at = from;
  for (const piece of pieces) {
    into.push({ text: piece, start: at, end: at + piece.length });
    at += piece.length;
  }
}
