/**
 * Cycle figures are costly to compute (every answer is parsed and rechecked: a few ms each) and, once a
 * stage is done, never change. They are kept per (cycle, mode) in this process and recomputed only when
 * the cycle's fingerprint — count, last id and total text length of its AQA generations, and the last
 * change to their dive labels — changes.
 */
const MAX_ENTRIES = 24;

interface Entry<T> {
  fingerprint: string;
  value: Promise<T>;
}

export class FingerprintCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  async get(key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.fingerprint === fingerprint) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = compute();
    this.entries.set(key, { fingerprint, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
