const INITIAL_ENTRIES = 1 << 12;
const INITIAL_BYTES = 1 << 16;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * An exact set of strings kept in typed arrays, outside the JavaScript heap: about 40 bytes per
 * 25-character key where a `Set<string>` takes twice that on the heap, where every entry is traced
 * by each garbage collection and grows the heap's limit with it. For "seen this key before?" over
 * the hundreds of thousands of rows of one file. Open addressing on an FNV-1a hash; the keys are
 * stored as UTF-8 one after the other and compared byte for byte.
 */
export class CompactStringSet {
  /** Entry number + 1 per slot (0 = empty); twice the entries, so probes stay short. */
  private slots = new Int32Array(INITIAL_ENTRIES * 2);
  private hashes = new Int32Array(INITIAL_ENTRIES);
  /** Where entry i's bytes start in `bytes`; they end where entry i + 1's start (or at `used`). */
  private starts = new Int32Array(INITIAL_ENTRIES + 1);
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `value`; false when it was already in the set. */
  add(value: string): boolean {
    this.reserve(value.length * MAX_UTF8_BYTES_PER_UNIT);
    // The candidate is written after the stored keys; it stays there only if it is new.
    const length = this.bytes.write(value, this.used, "utf8");
    const hash = hashBytes(this.bytes, this.used, this.used + length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) {
        this.slots[slot] = this.count + 1;
        this.hashes[this.count] = hash;
        this.starts[this.count] = this.used;
        this.count += 1;
        this.used += length;
        this.starts[this.count] = this.used;
        return true;
      }
      if (this.hashes[entry - 1] === hash && this.equalsCandidate(entry - 1, length)) return false;
    }
  }

  private equalsCandidate(entry: number, length: number): boolean {
    const start = this.starts[entry] ?? 0;
    const end = this.starts[entry + 1] ?? 0;
    return end - start === length && this.bytes.compare(this.bytes, this.used, this.used + length, start, end) === 0;
  }

  /** Room for one more entry of up to `length` bytes. */
  private reserve(length: number): void {
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count + 1 >= this.hashes.length) this.growEntries();
  }

  private growEntries(): void {
    const capacity = this.hashes.length * 2;
    this.hashes = grow(this.hashes, capacity);
    this.starts = grow(this.starts, capacity + 1);
    this.slots = new Int32Array(capacity * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry += 1) {
      let slot = (this.hashes[entry] ?? 0) & mask;
      while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

function grow(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

/** FNV-1a over bytes, as a non-negative 31-bit integer. */
function hashBytes(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    hash ^= bytes[i] ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x7fffffff;
}
