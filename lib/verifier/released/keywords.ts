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
 * the span computed while scanning, so that a span already seen costs no allocation (spaCy's
 * tokenizer caches spans by hash the same way). Cleared when half full.
 */
class SpanTable {
  private readonly size = 1 << 18;
  private readonly hashes = new Int32Array(this.size);
  private keys: (string | undefined)[] = new Array(this.size);
  private values: (readonly KeptPiece[])[] = new Array(this.size);
  private filled = 0;
  private readonly interned = new Map<string, KeptWord>();

  lookup(text: string, from: number, to: number, hash: number): readonly KeptPiece[] {
    const mask = this.size - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) return this.insert(slot, text.slice(from, to), hash);
      if (this.hashes[slot] === hash && key.length === length && text.startsWith(key, from))
        return this.values[slot] as readonly KeptPiece[];
    }
  }

  private insert(slot: number, span: string, hash: number): readonly KeptPiece[] {
    const kept = this.keptPieces(span);
    if (this.filled * 2 >= this.size) {
      this.keys = new Array(this.size);
      this.values = new Array(this.size);
      this.filled = 0;
      this.interned.clear();
      return kept;
    }
    this.keys[slot] = span;
    this.hashes[slot] = hash;
    this.values[slot] = kept;
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
      entry = { word, length: codePointLength(word), hasSurrogates: hasSurrogates(word), seenIn: 0 };
      this.interned.set(word, entry);
    }
    return entry;
  }
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
  if (n === 0) return out;
  let inSpace = isSpaceCode(text.charCodeAt(0));
  let start = 0;
  let hash = FNV_OFFSET;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const space = isSpaceCode(code);
    if (space === inSpace) {
      if (!space) hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (start < i) addSpan(text, start, i, inSpace ? spaceHash(text, start, i) : hash, stamp, out);
    start = code === 0x20 ? i + 1 : i;
    inSpace = space;
    hash = space ? FNV_OFFSET : Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
  }
  if (start < n) addSpan(text, start, n, inSpace ? spaceHash(text, start, n) : hash, stamp, out);
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
