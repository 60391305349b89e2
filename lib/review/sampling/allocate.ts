export interface StratumSize {
  key: string;
  /** Candidates available in the stratum. */
  available: number;
}

/**
 * Stratified allocation of a sample of `size` across strata: as equal as possible ("water
 * filling"), so a rare stratum (say, FineDiving rationalizations that passed) gets as many items
 * as a common one; a stratum smaller than its share gives everything it has and its leftover goes
 * to the others. The quotas sum to min(size, total available). Deterministic: strata are visited
 * by size, then key.
 */
export function allocateEqually(strata: readonly StratumSize[], size: number): Map<string, number> {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`allocateEqually: size must be a non-negative integer, got ${size}`);
  const keys = new Set<string>();
  for (const stratum of strata) {
    if (keys.has(stratum.key)) throw new Error(`allocateEqually: stratum "${stratum.key}" is listed twice`);
    if (!Number.isInteger(stratum.available) || stratum.available < 0) {
      throw new RangeError(`allocateEqually: stratum "${stratum.key}" has an invalid size ${stratum.available}`);
    }
    keys.add(stratum.key);
  }
  const ordered = [...strata].sort((a, b) => a.available - b.available || a.key.localeCompare(b.key));
  const quotas = new Map<string, number>();
  let remaining = size;
  ordered.forEach((stratum, index) => {
    const left = ordered.length - index;
    const quota = Math.min(stratum.available, Math.ceil(remaining / left));
    quotas.set(stratum.key, quota);
    remaining -= quota;
  });
  return quotas;
}
