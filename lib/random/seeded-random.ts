/**
 * Seeded pseudo-randomness for everything that must be reproducible: the simulator's answers
 * (a request's answer depends only on its inputs and the server seed), fixtures, bootstrap resampling.
 */

/** xmur3 string hash: 32-bit unsigned hash of the joined parts. */
export function hashParts(...parts: readonly (string | number)[]): number {
  const text = parts.map(String).join("\u241f");
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded generator of floats in [0, 1) with a few convenience draws. */
export interface Rng {
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  between(min: number, max: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32 generator seeded with a 32-bit integer. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("Rng.pick: cannot pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

/** A generator seeded from arbitrary parts (seed, model, video id, ...). */
export function rngFrom(...parts: readonly (string | number)[]): Rng {
  return mulberry32(hashParts(...parts));
}

/** A single uniform draw in [0, 1) from the parts, without keeping a generator. */
export function uniformFrom(...parts: readonly (string | number)[]): number {
  return mulberry32(hashParts(...parts)).next();
}

/** Short lowercase hex id from the parts (for completion ids, submission ids). */
export function hexIdFrom(length: number, ...parts: readonly (string | number)[]): string {
  const rng = rngFrom(...parts);
  let out = "";
  while (out.length < length) out += Math.floor(rng.next() * 16).toString(16);
  return out;
}
