/**
 * The released keyword rule (`releasedWords` and `verifyWordMatching`) on the bytes of ASCII
 * answers, for the verify CLI's bulk path: the same spans, tokens, keywords and fuzz.ratio, with
 * no string or object made per answer. Words are numbered; a span seen before costs a probe of a
 * table keyed by the span's bytes read four at a time; the fuzz.ratio of a label keyword with an
 * answer word is computed once and kept (labels and answer words repeat).
 */
import { releasedWords, isReleasedKeyword } from "@/lib/verifier/released/keywords";
import { fuzzRatio } from "@/lib/verifier/similarity/indel-ratio";
import { spanPieces } from "@/lib/verifier/spacy/tokenizer";
import { containsWordCharacter } from "@/lib/verifier/text/tokenize";

/**
 * A slot of the span table, in two arrays: `slots` holds what a lookup reads first (the span's
 * first 8 bytes as two little-endian words, zero past its end; its length, 0 for an empty slot;
 * its value, see `keptPieces`), `wide` what spans longer than 8 need besides (bytes 9–16 as two
 * words, where its bytes past the 16th lie in the pool) and its hash.
 */
const SLOT = 4;
const LENGTH = 2;
const VALUE = 3;
const TAIL = 2;
const HASH = 3;
/** The span table starts small (it stays in the processor's caches) and doubles when half full, up to this. */
const MIN_SLOTS = 1 << 13;
const MAX_SLOTS = 1 << 16;
const POOL_BYTES = 1 << 20;
const WORD_LIMIT = 1 << 18;
const PIECES_SOFT_LIMIT = 1 << 20;
const SIMILARITY_BYTES_LIMIT = 1 << 26;
const LABEL_SLOTS = 1 << 12;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** A span value: the span keeps no piece (see `keptPieces`). */
const NONE = -1;
/** The low `r` bytes of a word, by r = 0…4. */
const LOW_BYTES = [0, 0xff, 0xffff, 0xffffff, -1] as const;

export class AsciiWordMatcher {
  // Words: number ↔ lower-cased text.
  private wordNumbers = new Map<string, number>();
  /** Word 0 stands for no word (a span that keeps none); it is always seen. */
  private wordTexts: string[] = [""];
  private seen = new Int32Array(1 << 13);
  private stamp = 0;
  /** Per label keyword, by answer word number: fuzz.ratio + 1, or 0 when not computed yet. */
  private similarity: (Uint8Array | undefined)[] = [];
  private similarityBytes = 0;

  // Spans: an open-addressing table of SLOT-word slots.
  private slots = new Int32Array(MIN_SLOTS * SLOT);
  private wide = new Int32Array(MIN_SLOTS * SLOT);
  private slotMask = MIN_SLOTS - 1;
  /** Bytes of spans longer than 16, past the 16th. */
  private pool = new Uint8Array(POOL_BYTES);
  private poolUsed = 0;
  private spanCount = 0;
  /** At a span's pieces offset: the number of kept pieces, then (offset in span, length, word) for each. */
  private pieces = new Int32Array(1 << 16);
  private piecesUsed = 0;
  private full = false;

  // Labels, kept flat: a label's keywords are found in few memory reads.
  /** Labels by their text (those read with escapes or beyond ASCII). */
  private labels = new Map<string, number>();
  /** Labels by their bytes, in an open-addressing table: hash, where the bytes lie in `labelBytes` + 1 (0: empty), length, keywords offset. */
  private labelSlots = new Int32Array(LABEL_SLOTS * 4);
  private labelBytes = new Uint8Array(1 << 16);
  private labelBytesUsed = 0;
  private labelCount = 0;
  /**
   * Labels' keywords: at a label's keywords offset, their number, then for each its word number
   * and where its part (the word as a JSON string, in UTF-8) lies in `parts`, from and to.
   */
  keywords = new Int32Array(1 << 14);
  private keywordsUsed = 0;
  parts = new Uint8Array(1 << 16);
  private partsUsed = 0;

  /** Views of the last two byte arrays scanned (a file's and decoded answers'), to read them four at a time. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | undefined;
  private otherView: DataView<ArrayBufferLike> = this.view;
  private otherViewOf: Uint8Array | undefined;

  /** The last scanned answer's distinct keywords, in order of first occurrence, with that occurrence's offsets. */
  words = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);

  /** Call before each line: forgets everything once the tables have grown past their limits. */
  begin(): void {
    if (!this.full) return;
    this.wordNumbers = new Map();
    this.wordTexts = [""];
    this.seen.fill(0);
    this.similarity = [];
    this.similarityBytes = 0;
    this.slots = new Int32Array(MIN_SLOTS * SLOT);
    this.wide = new Int32Array(MIN_SLOTS * SLOT);
    this.slotMask = MIN_SLOTS - 1;
    this.poolUsed = 0;
    this.spanCount = 0;
    this.piecesUsed = 0;
    this.forgetLabels();
    this.full = false;
  }

  /**
   * The offset in `keywords` of the label's keywords (`releasedLabelKeywords`), or -1 when it has
   * none or no word character (such labels take the general path).
   */
  label(label: string): number {
    let at = this.labels.get(label);
    if (at === undefined) {
      if (this.labelCount * 2 >= LABEL_SLOTS) this.forgetLabels();
      const words = releasedWords(label).words.map((word) => this.intern(word.word));
      at = this.storeKeywords(label, words);
      this.labels.set(label, at);
      this.labelCount++;
    }
    return at;
  }

  /** `label` for a label given as the ASCII bytes `bytes[from, to)` (JSON string content without escapes). */
  asciiLabel(bytes: Uint8Array, from: number, to: number): number {
    const length = to - from;
    let hash = FNV_OFFSET;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (bytes[i] as number), FNV_PRIME);
    let slots = this.labelSlots;
    let slot = hash & (LABEL_SLOTS - 1);
    for (let at = slot * 4; slots[at + 1] !== 0; slot = (slot + 1) & (LABEL_SLOTS - 1), at = slot * 4) {
      if (slots[at] !== hash || slots[at + 2] !== length) continue;
      const stored = (slots[at + 1] as number) - 1;
      const labelBytes = this.labelBytes;
      let k = 0;
      while (k < length && labelBytes[stored + k] === bytes[from + k]) k++;
      if (k === length) return slots[at + 3] as number;
    }
    if (this.labelCount * 2 >= LABEL_SLOTS) {
      this.forgetLabels();
      slot = hash & (LABEL_SLOTS - 1);
    }
    const count = this.scan(bytes, from, to, true);
    if (count < 0) return NONE;
    const keywordsAt = this.storeKeywords(asciiText(bytes, from, to), Array.from(this.words.subarray(0, count)));
    // A copy of the bytes: those given may be read into again.
    if (this.labelBytesUsed + length > this.labelBytes.length) this.labelBytes = grown(this.labelBytes, this.labelBytesUsed + length);
    this.labelBytes.set(bytes.subarray(from, to), this.labelBytesUsed);
    slots = this.labelSlots;
    const at = slot * 4;
    slots[at] = hash;
    slots[at + 1] = this.labelBytesUsed + 1;
    slots[at + 2] = length;
    slots[at + 3] = keywordsAt;
    this.labelBytesUsed += length;
    this.labelCount++;
    return keywordsAt;
  }

  /** Stores a label's keywords (word numbers) and returns their offset, or -1 when the label takes the general path. */
  private storeKeywords(label: string, words: readonly number[]): number {
    if (words.length === 0 || !containsWordCharacter(label)) return NONE;
    const at = this.keywordsUsed;
    const needed = at + 1 + words.length * 3;
    if (needed > this.keywords.length) this.keywords = grown(this.keywords, needed);
    this.keywords[at] = words.length;
    let p = at + 1;
    for (const word of words) {
      const part = Buffer.from(JSON.stringify(this.wordTexts[word]), "utf8");
      if (this.partsUsed + part.length > this.parts.length) this.parts = grown(this.parts, this.partsUsed + part.length);
      this.parts.set(part, this.partsUsed);
      this.keywords[p] = word;
      this.keywords[p + 1] = this.partsUsed;
      this.keywords[p + 2] = this.partsUsed + part.length;
      this.partsUsed += part.length;
      p += 3;
    }
    this.keywordsUsed = needed;
    return at;
  }

  private forgetLabels(): void {
    this.labels.clear();
    this.labelSlots.fill(0);
    this.labelBytesUsed = 0;
    this.labelCount = 0;
    this.keywordsUsed = 0;
    this.partsUsed = 0;
  }

  /**
   * Lists the distinct keywords of the text in `bytes[from, to)` into `words`, `starts`, `ends`
   * (offsets from `from`) and returns their number, or -1 when a byte is not ASCII or, for `raw`
   * JSON string content, is a control character JSON would have escaped.
   */
  scan(bytes: Uint8Array, from: number, to: number, raw: boolean): number {
    const stamp = ++this.stamp;
    this.seen[0] = stamp;
    if (this.viewOf !== bytes) this.switchView(bytes);
    const view = this.view;
    // Words can be read four at a time up to here.
    const wordsEnd = bytes.length;
    // The hot loop works on locals, reloaded after an insertion (which may grow the tables).
    let slots = this.slots;
    let mask = this.slotMask;
    let pieces = this.pieces;
    let seen = this.seen;
    // Every kept piece takes three bytes or more.
    if (this.words.length < (to - from) / 3 + 2) this.growAnswerWords((to - from) / 3 + 2);
    const words = this.words;
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let i = from;
    let afterToken = false;
    while (i < to) {
      let first = bytes[i] as number;
      // The single space between two tokens (the common case) is no span.
      if (first === 0x20 && afterToken && i + 1 < to && ((bytes[i + 1] as number) - 0x21) >>> 0 <= 0x5e) first = bytes[++i] as number;
      let start = i;
      // The span's first 16 bytes as four little-endian words (zero past its end), read while its end is looked for.
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let w3 = 0;
      let length: number;
      if (first <= 0x20 && (isAsciiSpace(first) || raw)) {
        if (first < 0x20 && raw) return -1;
        // A run of white space: a token itself, less the single space after a token.
        for (i++; i < to; i++) {
          const code = bytes[i] as number;
          if (code > 0x20) break;
          if (code < 0x20 && raw) return -1;
          if (!isAsciiSpace(code)) break;
        }
        if (afterToken && first === 0x20) start++;
        afterToken = false;
        length = i - start;
        if (length <= 2) continue;
        w0 = wordAt(bytes, start, i);
        w1 = wordAt(bytes, start + 4, i);
        w2 = wordAt(bytes, start + 8, i);
        w3 = wordAt(bytes, start + 12, i);
      } else {
        afterToken = true;
        // A run of non-space characters: the first byte below 0x21 or above 0x7e ends it, or is looked at.
        let end = -1;
        if (start + 16 <= wordsEnd) {
          w0 = view.getInt32(start, true);
          let special = specialBytes(w0);
          if (special !== 0) end = start + lowestByte(special);
          else {
            w1 = view.getInt32(start + 4, true);
            special = specialBytes(w1);
            if (special !== 0) end = start + 4 + lowestByte(special);
            else {
              w2 = view.getInt32(start + 8, true);
              special = specialBytes(w2);
              if (special !== 0) end = start + 8 + lowestByte(special);
              else {
                w3 = view.getInt32(start + 12, true);
                special = specialBytes(w3);
                if (special !== 0) end = start + 12 + lowestByte(special);
              }
            }
          }
        }
        if (end >= to) {
          i = to;
        } else if (end >= 0 && bytes[end] === 0x20) {
          i = end;
        } else {
          // Longer than 16, near the end of the bytes, or ended by another character: byte by byte.
          i = end < 0 ? start : end;
          for (; i < to; i++) {
            const code = bytes[i] as number;
            if ((code - 0x21) >>> 0 > 0x5e) {
              if (code >= 0x80 || (code < 0x20 && raw)) return -1;
              if (isAsciiSpace(code)) break;
            }
          }
          w0 = wordAt(bytes, start, i);
          w1 = wordAt(bytes, start + 4, i);
          w2 = wordAt(bytes, start + 8, i);
          w3 = wordAt(bytes, start + 12, i);
        }
        // A span of 2 characters or fewer cannot hold a token longer than 2.
        length = i - start;
        if (length <= 2) continue;
        w0 &= LOW_BYTES[Math.min(length, 4)] as number;
        w1 &= LOW_BYTES[Math.max(0, Math.min(length - 4, 4))] as number;
        w2 &= LOW_BYTES[Math.max(0, Math.min(length - 8, 4))] as number;
        w3 &= LOW_BYTES[Math.max(0, Math.min(length - 12, 4))] as number;
      }
      const hash = mix(w0, w1, w2, w3, length);
      let value: number;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const at = slot * SLOT;
        const stored = slots[at + LENGTH] as number;
        if (stored === 0) {
          value = this.insert(at, bytes, start, i, hash, w0, w1, w2, w3);
          slots = this.slots;
          mask = this.slotMask;
          pieces = this.pieces;
          seen = this.seen;
          break;
        }
        if ((((slots[at] as number) ^ w0) | ((slots[at + 1] as number) ^ w1) | (stored ^ length)) !== 0) continue;
        if (length <= 8 || this.wideMatches(at, bytes, start, i, w2, w3)) {
          value = slots[at + VALUE] as number;
          break;
        }
      }
      if (value < 0) {
        // At most one kept piece, in the value itself; no piece is word 0, which is always seen.
        const piece = NONE - value;
        const word = piece >> 10;
        const fresh = (seen[word] as number) ^ stamp;
        seen[word] = stamp;
        const wordStart = start - from + ((piece >> 5) & 31);
        words[count] = word;
        starts[count] = wordStart;
        ends[count] = wordStart + (piece & 31);
        count += (fresh | -fresh) >>> 31;
        continue;
      }
      const n = pieces[value] as number;
      for (let k = 0, p = value + 1; k < n; k++, p += 3) {
        const word = pieces[p + 2] as number;
        if (seen[word] === stamp) continue;
        seen[word] = stamp;
        const wordStart = start - from + (pieces[p] as number);
        words[count] = word;
        starts[count] = wordStart;
        ends[count] = wordStart + (pieces[p + 1] as number);
        count++;
      }
    }
    return count;
  }

  private switchView(bytes: Uint8Array): void {
    const view = this.otherViewOf === bytes ? this.otherView : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.otherView = this.view;
    this.otherViewOf = this.viewOf;
    this.view = view;
    this.viewOf = bytes;
  }

  /** Whether the span of more than 8 bytes at `from` matches the one in the slot at `at` past their first 8. */
  private wideMatches(at: number, bytes: Uint8Array, from: number, to: number, w2: number, w3: number): boolean {
    const wide = this.wide;
    if ((wide[at] as number) !== w2 || (wide[at + 1] as number) !== w3) return false;
    if (to - from <= 16) return true;
    const pool = this.pool;
    const tail = wide[at + TAIL] as number;
    for (let k = from + 16; k < to; k++) if (pool[tail + k - from - 16] !== bytes[k]) return false;
    return true;
  }

  /**
   * The answer word (of the last `scan`'s first `count`) with the highest fuzz.ratio with the
   * keyword, earliest on ties, as `index * 128 + ratio`.
   */
  best(keyword: number, count: number): number {
    let cache = this.similarity[keyword];
    const wordCount = this.wordTexts.length;
    if (cache === undefined || cache.length < wordCount) cache = this.growSimilarity(keyword, cache, wordCount);
    const words = this.words;
    let best = 0;
    let bestPercent = -1;
    for (let i = 0; i < count; i++) {
      const word = words[i] as number;
      let percent = (cache[word] as number) - 1;
      if (percent < 0) {
        percent = word === keyword ? 100 : fuzzRatio(this.wordTexts[keyword] as string, this.wordTexts[word] as string);
        cache[word] = percent + 1;
      }
      if (percent > bestPercent) {
        best = i;
        bestPercent = percent;
        if (percent === 100) break;
      }
    }
    return best * 128 + bestPercent;
  }

  /** The lower-cased text of a word number. */
  wordText(word: number): string {
    return this.wordTexts[word] as string;
  }

  private growSimilarity(keyword: number, old: Uint8Array | undefined, wordCount: number): Uint8Array {
    let size = Math.max(1024, old === undefined ? 0 : old.length);
    while (size < wordCount) size *= 2;
    if (this.similarityBytes + size > SIMILARITY_BYTES_LIMIT) {
      this.similarity = [];
      this.similarityBytes = 0;
      old = undefined;
    }
    const cache = new Uint8Array(size);
    if (old !== undefined) {
      cache.set(old);
      this.similarityBytes -= old.length;
    }
    this.similarityBytes += size;
    this.similarity[keyword] = cache;
    return cache;
  }

  private insert(
    at: number,
    bytes: Uint8Array,
    from: number,
    to: number,
    hash: number,
    w0: number,
    w1: number,
    w2: number,
    w3: number,
  ): number {
    const value = this.keptPieces(asciiText(bytes, from, to));
    const slotCount = this.slotMask + 1;
    // The table is never more than half full, so that probes end.
    if (this.spanCount * 2 + 2 > slotCount) {
      this.full = true;
      return value;
    }
    const tail = to - from - 16;
    let tailAt = -1;
    if (tail > 0) {
      if (this.poolUsed + tail > POOL_BYTES) {
        this.full = true;
        return value;
      }
      tailAt = this.poolUsed;
      this.pool.set(bytes.subarray(from + 16, to), tailAt);
      this.poolUsed += tail;
      if (this.poolUsed * 2 >= POOL_BYTES) this.full = true;
    }
    const slots = this.slots;
    const wide = this.wide;
    slots[at] = w0;
    slots[at + 1] = w1;
    slots[at + LENGTH] = to - from;
    slots[at + VALUE] = value;
    wide[at] = w2;
    wide[at + 1] = w3;
    wide[at + TAIL] = tailAt;
    wide[at + HASH] = hash;
    this.spanCount++;
    if (this.spanCount * 2 >= slotCount) {
      if (slotCount < MAX_SLOTS) this.growSlots();
      else this.full = true;
    }
    if (this.piecesUsed >= PIECES_SOFT_LIMIT) this.full = true;
    return value;
  }

  private growSlots(): void {
    const old = this.slots;
    const oldWide = this.wide;
    const slots = new Int32Array(old.length * 2);
    const wide = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + LENGTH] === 0) continue;
      let slot = (oldWide[at + HASH] as number) & mask;
      while (slots[slot * SLOT + LENGTH] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
      wide.set(oldWide.subarray(at, at + SLOT), slot * SLOT);
    }
    this.slots = slots;
    this.wide = wide;
    this.slotMask = mask;
  }

  /**
   * The span's kept pieces (`remove_stopwords`): NONE when it keeps none; one piece of offset and
   * length below 32, `NONE - (word << 10 | offset << 5 | length)`; otherwise the offset of the
   * pieces stored in `pieces`.
   */
  private keptPieces(span: string): number {
    const pieces = spanPieces(span);
    let kept = 0;
    for (const piece of pieces) if (isReleasedKeyword(piece)) kept++;
    if (kept === 0) return NONE;
    const at = this.piecesUsed;
    const needed = at + 1 + kept * 3;
    if (needed > this.pieces.length) {
      const grown = new Int32Array(Math.max(needed, this.pieces.length * 2));
      grown.set(this.pieces);
      this.pieces = grown;
    }
    this.pieces[at] = kept;
    let p = at + 1;
    let offset = 0;
    for (const piece of pieces) {
      if (isReleasedKeyword(piece)) {
        this.pieces[p] = offset;
        this.pieces[p + 1] = piece.length;
        this.pieces[p + 2] = this.intern(piece.toLowerCase());
        p += 3;
      }
      offset += piece.length;
    }
    const single = this.pieces[at + 1] as number;
    const size = this.pieces[at + 2] as number;
    const word = this.pieces[at + 3] as number;
    if (kept === 1 && single < 32 && size < 32 && word < 1 << 20) return NONE - ((word << 10) | (single << 5) | size);
    this.piecesUsed = needed;
    return at;
  }

  private intern(word: string): number {
    let number = this.wordNumbers.get(word);
    if (number === undefined) {
      number = this.wordTexts.length;
      this.wordNumbers.set(word, number);
      this.wordTexts.push(word);
      if (number >= this.seen.length) {
        const grown = new Int32Array(this.seen.length * 2);
        grown.set(this.seen);
        this.seen = grown;
      }
      if (number >= WORD_LIMIT) this.full = true;
    }
    return number;
  }

  private growAnswerWords(least: number): void {
    let size = this.words.length;
    while (size < least) size *= 2;
    this.words = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }
}

/** A copy of a typed array, at least `least` long (doubling). */
function grown<T extends Int32Array | Uint8Array>(array: T, least: number): T {
  let size = array.length * 2;
  while (size < least) size *= 2;
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}

/** The little-endian word of the bytes at [at, at + 4) that lie before `end` (zero past it). */
function wordAt(bytes: Uint8Array, at: number, end: number): number {
  let word = 0;
  for (let k = 3; k >= 0; k--) word = (word << 8) | (at + k < end ? (bytes[at + k] as number) : 0);
  return word;
}

/** A hash of a span's first words and length (murmur3's finaliser over a multiplicative mix). */
function mix(w0: number, w1: number, w2: number, w3: number, length: number): number {
  let h = Math.imul(w0, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca77) ^ Math.imul(w2, 0xc2b2ae3d) ^ Math.imul(w3 ^ length, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The high bit of each byte of a little-endian word below 0x21 or above 0x7e (exact for the lowest such byte). */
function specialBytes(x: number): number {
  return (((x - 0x21212121) & ~x) | (x + 0x01010101) | x) & 0x80808080;
}

/** Which byte (0–3) of a word holds the lowest bit set in `bits` (not 0). */
function lowestByte(bits: number): number {
  return (31 - Math.clz32(bits & -bits)) >> 3;
}

/** Python's `str.isspace()` among ASCII characters. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
}

function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let text = "";
  for (let i = from; i < to; i += 4096) text += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 4096)));
  return text;
}
