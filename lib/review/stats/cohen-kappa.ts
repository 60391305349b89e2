export interface KappaResult {
  kappa: number | null;
  /** Observed agreement p_o. */
  observed: number;
  /** Agreement expected by chance p_e, from each rater's own marginals. */
  expected: number;
  /** Units both raters judged. */
  n: number;
}

/**
 * Cohen's κ (Cohen 1960) for two raters on nominal categories: (p_o − p_e) / (1 − p_e), p_e from
 * each rater's marginal distribution. `pairs` holds one [rater A, rater B] judgement per unit both
 * judged. κ is null when undefined: no units, or p_e = 1 (both raters used one same category).
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: 0, expected: 0, n };
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  let agreements = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreements += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreements / n;
  let expected = 0;
  for (const [category, countA] of first) expected += (countA / n) * ((second.get(category) ?? 0) / n);
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, n };
}

/** The 2×2 (or k×k) form: `table[i][j]` = units rater A put in category i and rater B in j. */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): KappaResult {
  const pairs: [number, number][] = [];
  for (const [i, row] of table.entries()) {
    for (const [j, count] of row.entries()) {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(`cohenKappaFromTable: cell [${i}][${j}] must be a count, got ${count}`);
      for (let k = 0; k < count; k += 1) pairs.push([i, j]);
    }
  }
  return cohenKappa(pairs);
}
