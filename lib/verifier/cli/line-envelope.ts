/**
 * Reads the envelope of a verify CLI input line, `{"id", "labelType", "label", "answer", "kind"?}`,
 * from its UTF-8 bytes without JSON.parse: where each field is, the answer's text as ASCII bytes,
 * and where the line ends. Accepts only what JSON.parse reads the same way (any key order, JSON white space, string
 * escapes); a line with another key, a repeated key, another kind of value, or a non-ASCII or
 * escaped answer it cannot decode to ASCII is refused, and the caller parses it the general way.
 */

const QUOTE = 0x22;
const NEWLINE = 0x0a;
/** `backslashAt` when no backslash follows (a small integer, so that the field stays one). */
const NO_BACKSLASH = -2;
const BACKSLASH = 0x5c;

const KEY_ID = 1;
const KEY_LABEL_TYPE = 2;
const KEY_LABEL = 4;
const KEY_ANSWER = 8;
const KEY_KIND = 16;
const REQUIRED = KEY_ID | KEY_LABEL_TYPE | KEY_LABEL | KEY_ANSWER;

/** A string field: the token with its quotes at [start, end); `plain` when it has no escape and only ASCII. */
interface StringField {
  start: number;
  end: number;
  plain: boolean;
}

const field = (): StringField => ({ start: 0, end: 0, plain: true });

export class LineEnvelope {
  /** The id token: a string (`idIsString`) or a JSON number. */
  readonly id = field();
  idIsString = false;
  readonly labelType = field();
  readonly label = field();
  readonly kind = field();
  hasKind = false;
  /** The answer's characters: in `answerBytes` at [answerStart, answerEnd); raw JSON string content when `answerRaw`. */
  answerBytes: Buffer = Buffer.alloc(0);
  answerStart = 0;
  answerEnd = 0;
  answerRaw = true;

  /** Escaped answers are decoded here. */
  private scratch = Buffer.allocUnsafeSlow(1 << 16);
  private scratchView: DataView<ArrayBufferLike> = new DataView(this.scratch.buffer, this.scratch.byteOffset, this.scratch.byteLength);
  /** A view of the line's bytes, to read them four at a time. */
  private view: DataView<ArrayBufferLike> = this.scratchView;
  private viewOf: Uint8Array | undefined;
  /** The first backslash at or after the last answer looked at (NO_BACKSLASH: none; -1: not looked for yet). */
  private backslashAt = -1;

  /** Call before reading lines of another buffer (or of a buffer whose bytes have changed), in order. */
  restart(): void {
    this.backslashAt = -1;
  }

  /**
   * Reads the line that begins at `start` (and ends at the next newline, or at `limit`); returns
   * where it ends (its newline, or `limit`), or -1 when it is not a line this reader takes.
   */
  read(bytes: Buffer, start: number, limit: number): number {
    const end = limit;
    let i = skipSpace(bytes, start, end);
    if (byteAt(bytes, i, end) !== 0x7b) return -1;
    let seen = 0;
    this.hasKind = false;
    i = skipSpace(bytes, i + 1, end);
    for (;;) {
      if (byteAt(bytes, i, end) !== QUOTE) return -1;
      const key = keyAt(bytes, i + 1, end);
      if (key === 0 || (seen & key) !== 0) return -1;
      seen |= key;
      i = skipSpace(bytes, i + 2 + keyName(key).length, end);
      if (byteAt(bytes, i, end) !== 0x3a) return -1;
      i = skipSpace(bytes, i + 1, end);
      if (key === KEY_ANSWER) i = this.readAnswer(bytes, i, end);
      else if (key === KEY_ID && byteAt(bytes, i, end) !== QUOTE) {
        this.idIsString = false;
        this.id.start = i;
        i = numberEnd(bytes, i, end);
        this.id.end = i;
      } else {
        if (key === KEY_ID) this.idIsString = true;
        if (key === KEY_KIND) this.hasKind = true;
        i = readString(bytes, i, end, this.stringField(key));
      }
      if (i < 0) return -1;
      i = skipSpace(bytes, i, end);
      if (byteAt(bytes, i, end) === 0x2c) {
        i = skipSpace(bytes, i + 1, end);
        continue;
      }
      if (byteAt(bytes, i, end) !== 0x7d) return -1;
      i = skipSpace(bytes, i + 1, end);
      if (i < end && bytes[i] !== NEWLINE) return -1;
      return (seen & REQUIRED) === REQUIRED ? i : -1;
    }
  }

  private stringField(key: number): StringField {
    if (key === KEY_ID) return this.id;
    if (key === KEY_LABEL_TYPE) return this.labelType;
    if (key === KEY_LABEL) return this.label;
    return this.kind;
  }

  /** The answer string at `i`: raw content when it has no escape, else decoded into `scratch`. Returns the end of its token. */
  private readAnswer(bytes: Buffer, i: number, end: number): number {
    if (byteAt(bytes, i, end) !== QUOTE) return -1;
    const close = bytes.indexOf(QUOTE, i + 1);
    if (close < 0 || close >= end) return -1;
    if (this.backslashAt <= i && this.backslashAt !== NO_BACKSLASH) {
      const next = bytes.indexOf(BACKSLASH, i + 1);
      this.backslashAt = next < 0 ? NO_BACKSLASH : next;
    }
    if (this.backslashAt > close || this.backslashAt === NO_BACKSLASH) {
      this.answerBytes = bytes;
      this.answerStart = i + 1;
      this.answerEnd = close;
      this.answerRaw = true;
      return close + 1;
    }
    return this.decodeAnswer(bytes, i + 1, end);
  }

  /** Decodes an escaped answer into `scratch`; -1 when it is not valid JSON or not ASCII. */
  private decodeAnswer(bytes: Buffer, from: number, end: number): number {
    if (this.scratch.length < end - from + 4) {
      this.scratch = Buffer.allocUnsafeSlow((end - from) * 2 + 4);
      this.scratchView = new DataView(this.scratch.buffer, this.scratch.byteOffset, this.scratch.byteLength);
    }
    if (this.viewOf !== bytes) {
      this.viewOf = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const view = this.view;
    const out = this.scratch;
    const outView = this.scratchView;
    let n = 0;
    let i = from;
    while (i < end) {
      // Four bytes at a time while none is a quote, a backslash, a control character or beyond ASCII.
      if (i + 4 <= end) {
        const x = view.getInt32(i, true);
        const quotes = x ^ 0x22222222;
        const backslashes = x ^ 0x5c5c5c5c;
        const special = ((x - 0x20202020) & ~x) | x | ((quotes - 0x01010101) & ~quotes) | ((backslashes - 0x01010101) & ~backslashes);
        if ((special & 0x80808080) === 0) {
          outView.setInt32(n, x, true);
          i += 4;
          n += 4;
          continue;
        }
      }
      let code = bytes[i] as number;
      if (code === QUOTE) {
        this.answerBytes = out;
        this.answerStart = 0;
        this.answerEnd = n;
        this.answerRaw = false;
        return i + 1;
      }
      if (code < 0x20 || code >= 0x80) return -1;
      if (code === BACKSLASH) {
        code = byteAt(bytes, ++i, end);
        if (code === 0x75) {
          code = hexAt(bytes, i + 1, end);
          if (code < 0 || code >= 0x80) return -1;
          i += 4;
        } else {
          code = ESCAPES[code] ?? -1;
          if (code < 0) return -1;
        }
      }
      out[n++] = code;
      i++;
    }
    return -1;
  }
}

/** What `\x` stands for in a JSON string, by the character after the backslash (`\u` aside). */
const ESCAPES: Readonly<Record<number, number>> = { 34: 0x22, 92: 0x5c, 47: 0x2f, 98: 8, 102: 12, 110: 10, 114: 13, 116: 9 };

function hexAt(bytes: Uint8Array, at: number, end: number): number {
  if (at + 4 > end) return -1;
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const code = bytes[at + k] as number;
    const digit =
      code >= 0x30 && code <= 0x39
        ? code - 0x30
        : code >= 0x61 && code <= 0x66
          ? code - 0x57
          : code >= 0x41 && code <= 0x46
            ? code - 0x37
            : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** JSON white space but the newline, which ends the line. */
function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const code = bytes[i] as number;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) break;
    i++;
  }
  return i;
}

/** The key whose name (then a closing quote) starts at `at`, or 0. */
function keyAt(bytes: Uint8Array, at: number, end: number): number {
  let key: number;
  switch (bytes[at]) {
    case 0x69:
      key = KEY_ID;
      break;
    case 0x61:
      key = KEY_ANSWER;
      break;
    case 0x6b:
      key = KEY_KIND;
      break;
    case 0x6c:
      key = bytes[at + 5] === QUOTE ? KEY_LABEL : KEY_LABEL_TYPE;
      break;
    default:
      return 0;
  }
  const name = keyName(key);
  if (at + name.length >= end || bytes[at + name.length] !== QUOTE) return 0;
  for (let k = 1; k < name.length; k++) if (bytes[at + k] !== name.charCodeAt(k)) return 0;
  return key;
}

function keyName(key: number): string {
  switch (key) {
    case KEY_ID:
      return "id";
    case KEY_LABEL_TYPE:
      return "labelType";
    case KEY_LABEL:
      return "label";
    case KEY_ANSWER:
      return "answer";
    default:
      return "kind";
  }
}

/** A JSON string token at `i` into `into`; returns its end, or -1. */
function readString(bytes: Uint8Array, i: number, end: number, into: StringField): number {
  if (byteAt(bytes, i, end) !== QUOTE) return -1;
  into.start = i;
  let plain = true;
  for (let j = i + 1; j < end; j++) {
    const code = bytes[j] as number;
    if (code === QUOTE) {
      into.end = j + 1;
      into.plain = plain;
      return j + 1;
    }
    if (code === BACKSLASH) {
      plain = false;
      j++;
    } else if (code < 0x20) {
      return -1;
    } else if (code >= 0x80) {
      plain = false;
    }
  }
  return -1;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** The byte at `i`, or -1 past the line's end. */
const byteAt = (bytes: Uint8Array, i: number, end: number): number => (i < end ? (bytes[i] as number) : -1);

/** The end of the JSON number at `i`, or -1. */
function numberEnd(bytes: Uint8Array, i: number, end: number): number {
  if (byteAt(bytes, i, end) === 0x2d) i++;
  const first = byteAt(bytes, i, end);
  if (first === 0x30) i++;
  else if (first > 0x30 && first <= 0x39) while (isDigit(byteAt(bytes, i, end))) i++;
  else return -1;
  if (byteAt(bytes, i, end) === 0x2e) {
    i++;
    if (!isDigit(byteAt(bytes, i, end))) return -1;
    while (isDigit(byteAt(bytes, i, end))) i++;
  }
  const e = byteAt(bytes, i, end);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = byteAt(bytes, i, end);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(byteAt(bytes, i, end))) return -1;
    while (isDigit(byteAt(bytes, i, end))) i++;
  }
  return i;
}
