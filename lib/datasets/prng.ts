import { mulberry32 } from "@/lib/random/seeded-random";

/** A seeded generator of floats in [0, 1), for reproducible fixtures. */
export function createRandom(seed: number): () => number {
  return mulberry32(seed).next;
}

export function randomInt(random: () => number, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}
