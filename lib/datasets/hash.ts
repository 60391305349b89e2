/**
 * FNV-1a 32-bit over UTF-16 code units: a small, stable hash for deterministic choices
 * (which template a video gets, which box a question asks about). Not for security.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Picks one element deterministically from `items` by the hash of `seed`. */
export function pickStable<T>(items: readonly T[], seed: string): T | undefined {
  if (items.length === 0) return undefined;
  return items[stableHash(seed) % items.length];
}
