const CHUNK_BYTES = 1 << 16;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * COPY text accumulated as UTF-8 in 64 KiB buffers rather than as JavaScript strings: a batch's
 * rows then live outside the JS heap until they are sent, so they never fill the old generation.
 */
export class CopyBuffer {
  private readonly full: Buffer[] = [];
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private total = 0;

  /** Appends one line (the caller ends it with "\n"). */
  write(line: string): void {
    const worstCase = line.length * MAX_BYTES_PER_UNIT;
    if (this.used + worstCase > this.current.length) {
      this.seal();
      if (worstCase > this.current.length) this.current = Buffer.allocUnsafe(worstCase);
    }
    const written = this.current.write(line, this.used, "utf8");
    this.used += written;
    this.total += written;
  }

  get byteLength(): number {
    return this.total;
  }

  /** The bytes written since the last `take` (the buffer is then empty again). */
  take(): Buffer[] {
    this.seal();
    this.total = 0;
    return this.full.splice(0);
  }

  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.current.subarray(0, this.used));
    this.current = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}
