import { LineEnvelope } from "@/lib/verifier/cli/line-envelope";
import { type OutputBytes, utf8 } from "@/lib/verifier/cli/output-bytes";
import type { VerifierConfig } from "@/lib/verifier/config";
import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { releasedRuleFor } from "@/lib/verifier/released/assignment";
import { AsciiWordMatcher } from "@/lib/verifier/released/ascii-word-matching";

const CLASS = "class";
/** `JSON.stringify(percent / 100)` in bytes, by percent. */
const PERCENT = Array.from({ length: 101 }, (_, percent) => utf8(JSON.stringify(percent / 100)));
const ID = utf8('{"id":');
const PASSED = utf8(',"passed":true,"score":');
const FAILED = utf8(',"passed":false,"score":');
const PART = utf8('{"part":');
const START = utf8(',"start":');
const END = utf8(',"end":');
const TEXT = utf8(',"text":"');
const SIMILARITY = utf8('","similarity":');
const MISSING = utf8(',"start":null,"end":null,"text":null,"similarity":');
const REASON_TEXT = utf8('\\", ');
const LINE_END = utf8("]}\n");
/** Room for a line's fixed parts and numbers, besides its id, keywords and texts. */
const FIXED_ROOM = 512;

/**
 * The verify CLI's output line for the common `reference-code` line, a `class` label verified by
 * the released word matching with an ASCII answer, written as bytes from the line's bytes: the
 * line `JSON.stringify(toOutputVerdict(id, verifySync(...)))` gives. Anything else (another
 * label type or rule, a label or answer without keywords, a non-ASCII answer, an unusual line)
 * is left to the general path.
 */
export class ReleasedClassLines {
  private readonly envelope = new LineEnvelope();
  private readonly matcher = new AsciiWordMatcher();
  private readonly passes: readonly boolean[];
  /** From the threshold to the matches' opening bracket. */
  private readonly head: Uint8Array;
  /** `,"reason":"no answer word exceeds 0.85 (closest \"`. */
  private readonly reasonHead: Uint8Array;
  private readonly wordMatchingKinds = new Map<string, boolean>();
  /** Per keyword of the line: its best answer word's index * 128 + ratio. */
  private best = new Int32Array(16);

  constructor(config: VerifierConfig) {
    const rule = keywordRule(config.keyword);
    this.passes = rule.passesPercent;
    this.head = utf8(`,"threshold":${JSON.stringify(rule.threshold)},"method":"${CLASS}:released-word-matching","matches":[`);
    const reason = `no answer word ${rule.strict ? "exceeds" : "reaches"} ${rule.threshold} (closest "`;
    this.reasonHead = utf8(`,"reason":${JSON.stringify(reason).slice(0, -1)}`);
  }

  /** Whether the configuration sends `class` labels to the released rules. */
  static applies(config: VerifierConfig): boolean {
    return config.preset === "reference-code";
  }

  /** Call before the lines of another buffer. */
  restart(): void {
    this.envelope.restart();
  }

  /**
   * Writes the output line (with its newline) for the input line that begins at `start` (and
   * ends at the next newline, or at `limit`); returns where the input line ends, or -1 when the
   * line is not one it takes.
   */
  render(bytes: Buffer, start: number, limit: number, out: OutputBytes): number {
    const line = this.envelope;
    const lineEnd = line.read(bytes, start, limit);
    if (lineEnd < 0) return -1;
    const labelType = line.labelType;
    if (!labelType.plain || labelType.end - labelType.start !== CLASS.length + 2) return -1;
    for (let k = 0; k < CLASS.length; k++) if (bytes[labelType.start + 1 + k] !== CLASS.charCodeAt(k)) return -1;
    if (line.hasKind && !this.wordMatchingKind(bytes)) return -1;
    const matcher = this.matcher;
    matcher.begin();
    const labelField = line.label;
    let keywordsAt: number;
    if (labelField.plain) {
      keywordsAt = matcher.asciiLabel(bytes, labelField.start + 1, labelField.end - 1);
    } else {
      const label = stringValue(bytes, labelField.start, labelField.end, false);
      if (label === undefined) return -1;
      keywordsAt = matcher.label(label);
    }
    if (keywordsAt < 0) return -1;
    const answer = line.answerBytes;
    const base = line.answerStart;
    const count = matcher.scan(answer, base, line.answerEnd, line.answerRaw);
    if (count <= 0) return -1;

    // The label's keywords: their number, then (word, part from, part to) for each.
    const keywords = matcher.keywords;
    const parts = matcher.parts;
    const keywordCount = keywords[keywordsAt] as number;
    if (this.best.length < keywordCount) this.best = new Int32Array(keywordCount * 2);
    const best = this.best;
    let passed = true;
    let lowest = 100;
    let room = FIXED_ROOM;
    for (let k = 0, p = keywordsAt + 1; k < keywordCount; k++, p += 3) {
      const packed = matcher.best(keywords[p] as number, count);
      best[k] = packed;
      const percent = packed & 127;
      lowest = Math.min(lowest, percent);
      if (this.passes[percent] !== true) passed = false;
      const index = packed >> 7;
      const wordStart = base + (matcher.starts[index] as number);
      const wordEnd = base + (matcher.ends[index] as number);
      // Decoded escapes may have put a character JSON escapes into a word.
      if (!line.answerRaw && !jsonSafe(answer, wordStart, wordEnd)) return -1;
      room += (keywords[p + 2] as number) - (keywords[p + 1] as number) + 2 * (wordEnd - wordStart) + FIXED_ROOM;
    }

    const mark = out.length;
    if (!this.writeId(bytes, out, room)) {
      out.length = mark;
      return -1;
    }
    out.put(passed ? PASSED : FAILED);
    out.put(PERCENT[lowest] as Uint8Array);
    out.put(this.head);
    for (let k = 0, p = keywordsAt + 1; k < keywordCount; k++, p += 3) {
      const packed = best[k] as number;
      const percent = packed & 127;
      const index = packed >> 7;
      const wordStart = matcher.starts[index] as number;
      const wordEnd = matcher.ends[index] as number;
      if (k > 0) out.bytes[out.length++] = 0x2c;
      out.put(PART);
      out.copy(parts, keywords[p + 1] as number, keywords[p + 2] as number);
      if (this.passes[percent] === true) {
        out.put(START);
        out.integer(wordStart);
        out.put(END);
        out.integer(wordEnd);
        out.put(TEXT);
        out.copy(answer, base + wordStart, base + wordEnd);
        out.put(SIMILARITY);
        out.put(PERCENT[percent] as Uint8Array);
      } else {
        out.put(MISSING);
        out.put(PERCENT[percent] as Uint8Array);
        out.put(this.reasonHead);
        out.copy(answer, base + wordStart, base + wordEnd);
        out.put(REASON_TEXT);
        out.put(PERCENT[percent] as Uint8Array);
        out.bytes[out.length++] = 0x29;
        out.bytes[out.length++] = 0x22;
      }
      out.bytes[out.length++] = 0x7d;
    }
    out.put(LINE_END);
    return lineEnd;
  }

  /** `{"id":` and the id as JSON.stringify writes it, with `room` more bytes reserved; false when the id is not JSON. */
  private writeId(bytes: Buffer, out: OutputBytes, room: number): boolean {
    const field = this.envelope.id;
    const size = field.end - field.start;
    let json: string | undefined;
    if (this.envelope.idIsString) {
      if (!field.plain) {
        const id = stringValue(bytes, field.start, field.end, false);
        if (id === undefined) return false;
        json = JSON.stringify(id);
      }
    } else if (!isPlainInteger(bytes, field.start, field.end)) {
      json = JSON.stringify(Number(bytes.toString("latin1", field.start, field.end)));
    }
    if (json === undefined) {
      out.reserve(ID.length + size + room);
      out.put(ID);
      out.copy(bytes, field.start, field.end);
    } else {
      out.reserve(ID.length + json.length * 3 + room);
      out.put(ID);
      out.text(json);
      out.reserve(room);
    }
    return true;
  }

  /** Whether the released rule for a class label of the line's question kind is word matching. */
  private wordMatchingKind(bytes: Buffer): boolean {
    const field = this.envelope.kind;
    const kind = stringValue(bytes, field.start, field.end, field.plain);
    if (kind === undefined) return false;
    let wordMatching = this.wordMatchingKinds.get(kind);
    if (wordMatching === undefined) {
      // The rule for a class label depends on the kind alone; a rule read from an answer span needs
      // the question-answering model, which only the general path has.
      const rule = releasedRuleFor({ labelType: "class", label: "" }, kind);
      wordMatching = rule.kind === "word-matching" && !rule.extractsSpan;
      if (this.wordMatchingKinds.size < 1000) this.wordMatchingKinds.set(kind, wordMatching);
    }
    return wordMatching;
  }
}

/** A JSON string token's value; undefined when JSON.parse refuses it. */
function stringValue(bytes: Buffer, start: number, end: number, plain: boolean): string | undefined {
  if (plain) return bytes.toString("latin1", start + 1, end - 1);
  try {
    return JSON.parse(bytes.toString("utf8", start, end)) as string;
  } catch {
    return undefined;
  }
}

/** Digits that JSON.stringify(Number(them)) gives back unchanged: no sign, fraction, exponent or leading zero, at most 15. */
function isPlainInteger(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start > 15 || (bytes[start] === 0x30 && end - start > 1)) return false;
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Whether JSON.stringify would leave these ASCII bytes as they are. */
function jsonSafe(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    if (code < 0x20 || code === 0x22 || code === 0x5c) return false;
  }
  return true;
}
