export interface AlphaResult {
  alpha: number | null;
  /** Observed disagreement D_o. */
  observedDisagreement: number;
  /** Disagreement expected by chance D_e. */
  expectedDisagreement: number;
  /** Pairable values: values in units judged by at least two raters. */
  pairableValues: number;
  /** Units judged by at least two raters. */
  units: number;
}

/**
 * Krippendorff's α for nominal data with any number of raters and missing judgements
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): α = 1 − D_o / D_e from the
 * coincidence matrix. `units` holds, per unit, the values its raters gave (missing ones left out);
 * units with fewer than two values are not pairable and are ignored. α is null when undefined
 * (no pairable values, or every pairable value is the same so D_e = 0).
 */
export function krippendorffAlphaNominal<T>(units: readonly (readonly T[])[]): AlphaResult {
  const coincidence = new Map<T, Map<T, number>>();
  const add = (c: T, k: T, weight: number) => {
    const row = coincidence.get(c) ?? new Map<T, number>();
    row.set(k, (row.get(k) ?? 0) + weight);
    coincidence.set(c, row);
  };
  let pairableUnits = 0;
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    pairableUnits += 1;
    for (let i = 0; i < m; i += 1) {
      for (let j = 0; j < m; j += 1) {
        if (i !== j) add(values[i] as T, values[j] as T, 1 / (m - 1));
      }
    }
  }
  const marginals = new Map<T, number>();
  let n = 0;
  let observedAgreement = 0;
  for (const [c, row] of coincidence) {
    let total = 0;
    for (const [k, weight] of row) {
      total += weight;
      if (k === c) observedAgreement += weight;
    }
    marginals.set(c, total);
    n += total;
  }
  // Pairable values are whole numbers; rounding removes the 1/(m−1) floating-point residue.
  n = Math.round(n);
  if (n < 2) return { alpha: null, observedDisagreement: 0, expectedDisagreement: 0, pairableValues: n, units: pairableUnits };
  const observedDisagreement = (n - observedAgreement) / n;
  let sameValuePairs = 0;
  for (const total of marginals.values()) sameValuePairs += total * (total - 1);
  const expectedDisagreement = (n * (n - 1) - sameValuePairs) / (n * (n - 1));
  const alpha = expectedDisagreement <= 1e-12 ? null : 1 - observedDisagreement / expectedDisagreement;
  return { alpha, observedDisagreement, expectedDisagreement, pairableValues: n, units: pairableUnits };
}
