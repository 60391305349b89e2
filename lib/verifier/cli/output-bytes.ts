/** Output lines written as UTF-8 bytes into a growing buffer of its own (transferable to another thread). */
export class OutputBytes {
  bytes: Buffer;
  length = 0;
  /** Where the piece `take` gives next begins. */
  private pieceStart = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  /** Makes room for `more` bytes. */
  reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    // Pieces already taken stay where they are.
    const kept = this.length - this.pieceStart;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, kept + more));
    this.bytes.copy(grown, 0, this.pieceStart, this.length);
    this.bytes = grown;
    this.pieceStart = 0;
    this.length = kept;
  }

  /** Appends `source[from, to)`; the caller has reserved room. */
  copy(source: Uint8Array, from: number, to: number): void {
    const bytes = this.bytes;
    let n = this.length;
    if (to - from > 64) {
      bytes.set(source.subarray(from, to), n);
      n += to - from;
    } else {
      for (let i = from; i < to; i++) bytes[n++] = source[i] as number;
    }
    this.length = n;
  }

  /** Appends all of `source`; the caller has reserved room. */
  put(source: Uint8Array): void {
    this.copy(source, 0, source.length);
  }

  /** Appends a non-negative integer in decimal; the caller has reserved room (10 bytes). */
  integer(value: number): void {
    const bytes = this.bytes;
    if (value < 10) {
      bytes[this.length++] = 0x30 + value;
      return;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let n = this.length + digits;
    this.length = n;
    for (let rest = value; digits > 0; digits--, rest = Math.floor(rest / 10)) bytes[--n] = 0x30 + (rest % 10);
  }

  /** Appends a string as UTF-8. */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, "utf8");
  }

  /** The bytes written since the last `take`. */
  take(): Uint8Array {
    const piece = this.bytes.subarray(this.pieceStart, this.length);
    this.pieceStart = this.length;
    return piece;
  }
}

/** A string's UTF-8 bytes (for the constant pieces of output lines). */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}
