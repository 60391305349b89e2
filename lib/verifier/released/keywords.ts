import { stopWordSet } from "@/lib/verifier/keywords/stop-words";
import { codePointLength, hasSurrogates } from "@/lib/verifier/similarity/indel-ratio";
import { isPythonSpace, spanPieces } from "@/lib/verifier/spacy/tokenizer";

/** A word the released `remove_stopwords` keeps, interned: one object per distinct word. */
export interface KeptWord {
  /** Lower-cased token text. */
  readonly word: string;
  /** Length in code points, as Python counts it. */
  readonly length: number;
  readonly hasSurrogates: boolean;
  /** `characterClasses` of the word. */
  readonly classes: number;
  /** The last text that listed it (see `releasedWords`). */
  seenIn: number;
}

/** The distinct kept words of a text in order of first occurrence, with that occurrence's offsets. */
export interface ReleasedWords {
  readonly words: readonly KeptWord[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A kept piece of a span: its offset in the span, its length there, and the interned word. */
interface KeptPiece {
  readonly offset: number;
  readonly size: number;
  readonly word: KeptWord;
}

const SPACY_STOP_WORDS = stopWordSet("spacy-en");
const NOTHING: readonly KeptPiece[] = [];
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
let textCount = 0;

/**
 * The spans seen so far and the words they keep, in an open-addressing table keyed by a hash of
 * the span computed while scanning; span texts are kept in one flat array, so that a span already
 * seen costs a few array reads and no allocation (spaCy's tokenizer caches spans by hash the same
 * way). Cleared when half full.
 */
class SpanTable {
  private readonly size = 1 << 15;
  /** Per slot, in one array so that a probe reads one cache line: hash, pool offset + 1 (0: empty), length, value. */
  private readonly slots = new Int32Array(this.size * 4);
  /** Kept pieces of the spans that keep any; a slot's value is an index here, or -1. */
  private pieceLists: (readonly KeptPiece[])[] = [];
  private pool = new Uint16Array(1 << 19);
  private used = 0;
  private filled = 0;
  private readonly interned = new Map<string, KeptWord>();

  lookup(text: string, from: number, to: number, hash: number): readonly KeptPiece[] {
    const mask = this.size - 1;
    const length = to - from;
    const slots = this.slots;
    const pool = this.pool;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const offset = slots[at + 1] as number;
      if (offset === 0) return this.insert(at, text, from, to, hash);
      if (slots[at] !== hash || slots[at + 2] !== length) continue;
      let k = 0;
      const start = offset - 1;
      while (k < length && pool[start + k] === text.charCodeAt(from + k)) k++;
      if (k < length) continue;
      const value = slots[at + 3] as number;
      return value < 0 ? NOTHING : (this.pieceLists[value] as readonly KeptPiece[]);
    }
  }

  private insert(at: number, text: string, from: number, to: number, hash: number): readonly KeptPiece[] {
    const kept = this.keptPieces(text.slice(from, to));
    const length = to - from;
    if (this.filled * 2 >= this.size || this.used + length > this.pool.length) {
      if (length * 4 > this.pool.length) this.pool = new Uint16Array(length * 4);
      this.slots.fill(0);
      this.pieceLists = [];
      this.used = 0;
      this.filled = 0;
      this.interned.clear();
      return kept;
    }
    for (let k = 0; k < length; k++) this.pool[this.used + k] = text.charCodeAt(from + k);
    this.slots[at] = hash;
    this.slots[at + 1] = this.used + 1;
    this.slots[at + 2] = length;
    this.slots[at + 3] = kept.length === 0 ? -1 : this.pieceLists.push(kept) - 1;
    this.used += length;
    this.filled++;
    return kept;
  }

  private keptPieces(span: string): readonly KeptPiece[] {
    let kept: KeptPiece[] | undefined;
    let offset = 0;
    for (const piece of spanPieces(span)) {
      if (isReleasedKeyword(piece)) {
        kept ??= [];
        kept.push({ offset, size: piece.length, word: this.intern(piece.toLowerCase()) });
      }
      offset += piece.length;
    }
    return kept ?? NOTHING;
  }

  private intern(word: string): KeptWord {
    let entry = this.interned.get(word);
    if (entry === undefined) {
      entry = { word, length: codePointLength(word), hasSurrogates: hasSurrogates(word), classes: characterClasses(word), seenIn: 0 };
      this.interned.set(word, entry);
    }
    return entry;
  }
}

/**
 * A bound-friendly summary of a word's characters: one bit per letter a–z, digits folded onto six
 * bits, everything else onto the last bit. Two words share at most as many characters as their
 * common bits plus the repeats (`repeats`) of either.
 */
function characterClasses(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= classBit(word.charCodeAt(i));
  return bits;
}

function classBit(code: number): number {
  const letter = code - 97;
  if (letter >= 0 && letter < 26) return 1 << letter;
  const digit = code - 48;
  if (digit >= 0 && digit < 10) return 1 << (26 + (digit % 5));
  return 1 << 31;
}

const spans = new SpanTable();

/**
 * `remove_stopwords` of videostar/verifier.py `word_matching`: `{token.text.lower() for token in
 * nlp(text) if not token.is_stop and len(token.text) > 2}` — distinct, in order of first occurrence.
 * Walks the spans `Tokenizer.__call__` tokenises (runs of non-space characters, and runs of white
 * space less the single space that separates two tokens; see `forEachSpan`).
 */
export function releasedWords(text: string): ReleasedWords {
  const out = { words: [] as KeptWord[], starts: [] as number[], ends: [] as number[] };
  const stamp = ++textCount;
  const n = text.length;
  let i = 0;
  let afterToken = false;
  while (i < n) {
    const start = i;
    if (isSpaceCode(text.charCodeAt(i))) {
      // A run of white space: a token itself, less the single space after a token.
      while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
      const from = afterToken && text.charCodeAt(start) === 0x20 ? start + 1 : start;
      if (i - from > 2) addSpan(text, from, i, spaceHash(text, from, i), stamp, out);
      afterToken = false;
      continue;
    }
    let hash = FNV_OFFSET;
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code <= 0x20 || (code >= 0x85 && isPythonSpace(code))) {
        if (code === 0x20 || isPythonSpace(code)) break;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    // A span of 2 characters or fewer cannot hold a token longer than 2.
    if (i - start > 2) addSpan(text, start, i, hash, stamp, out);
    afterToken = true;
  }
  return out;
}

function addSpan(
  text: string,
  from: number,
  to: number,
  hash: number,
  stamp: number,
  out: { words: KeptWord[]; starts: number[]; ends: number[] },
): void {
  const kept = spans.lookup(text, from, to, hash);
  for (let k = 0; k < kept.length; k++) {
    const piece = kept[k] as KeptPiece;
    const word = piece.word;
    if (word.seenIn === stamp) continue;
    word.seenIn = stamp;
    out.words.push(word);
    out.starts.push(from + piece.offset);
    out.ends.push(from + piece.offset + piece.size);
  }
}

function spaceHash(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function isSpaceCode(code: number): boolean {
  if (code > 0x20 && code < 0x85) return false;
  return isPythonSpace(code);
}

/** Not a spaCy stop word (`is_stop` compares the lower-cased text) and longer than 2 characters. */
export function isReleasedKeyword(tokenText: string): boolean {
  return codePointLength(tokenText) > 2 && !SPACY_STOP_WORDS.has(tokenText.toLowerCase());
}

const CACHE_LIMIT = 20_000;
const labelCache = new Map<string, ReleasedWords>();

/** Label keywords, cached (labels repeat across answers). */
export function releasedLabelKeywords(label: string): ReleasedWords {
  let words = labelCache.get(label);
  if (words === undefined) {
    words = releasedWords(label);
    if (labelCache.size >= CACHE_LIMIT) labelCache.clear();
    labelCache.set(label, words);
  }
  return words;
}
