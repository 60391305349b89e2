import Decimal from "decimal.js";

/**
 * Exact decimal arithmetic for checking stated numbers. Numbers in rationales and records are decimal
 * literals; sums, products and ×0.6 of them are exact in decimal, and a mean is exact to 60 significant
 * digits, so "3.175 rounded half up to 2 decimals" is 3.18 and never 3.17 through binary floating point.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Decimal places written in a numeric literal: "81.60" → 2, "3" → 0. */
export function decimalsOf(literal: string): number {
  const dot = literal.indexOf(".");
  return dot < 0 ? 0 : literal.length - dot - 1;
}

export function roundHalfUp(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * The tolerance rule used everywhere in lib/aqa: a claimed number written with d decimals agrees with a
 * recomputed value when the recomputed value, rounded half up to d decimals, equals the claim ("81.6"
 * accepts 81.55 ≤ x < 81.65; "3.4" rejects 3.175). A hedged claim ("about 80", "≈ 3.2") is allowed one
 * whole unit of its last digit either way instead of half.
 */
export function agreesAtStatedPrecision(claimed: Dec, decimals: number, recomputed: Dec, hedged = false): boolean {
  if (hedged) {
    const unit = new Dec(10).pow(-decimals);
    return recomputed.minus(claimed).abs().lte(unit);
  }
  return roundHalfUp(recomputed, decimals).equals(claimed);
}

export function decimalFromNumber(value: number): Dec {
  // Decimal(number) uses the shortest round-trip string, so 81.6 stays 81.6 (not 81.599999…).
  return new Dec(value);
}
