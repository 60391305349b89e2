import { decimalsOf } from "./precision";
import type { Span } from "./span";

/**
 * A plain decimal literal that is not part of a longer token: "3.2" in "DD 3.2", but not "107" in "107B"
 * nor "3" in "3rd". Used as a regex source fragment (no capture groups inside).
 */
export const NUMBER_SOURCE = String.raw`(?<![\w.])\d+(?:\.\d+)?(?![\d]|\.\d|[A-Za-z])`;

/** Words that soften a claim: a hedged claim gets a wider tolerance (see precision.ts). */
export const HEDGE_SOURCE = String.raw`(?:about|approximately|approx\.?|around|roughly|nearly|close to|~|≈)`;

/** A number as written in the text, with where it was written. */
export interface NumberMention {
  value: number;
  /** The literal exactly as written ("81.60"). */
  literal: string;
  /** Decimal places written: the precision at which the claim is compared. */
  decimals: number;
  span: Span;
}

export function numberMention(literal: string, start: number): NumberMention {
  return {
    value: Number(literal),
    literal,
    decimals: decimalsOf(literal),
    span: { start, end: start + literal.length },
  };
}

/** Every decimal literal inside text[from, to), as mentions with absolute offsets. */
export function numbersIn(text: string, from = 0, to = text.length): NumberMention[] {
  const slice = text.slice(from, to);
  return [...slice.matchAll(new RegExp(NUMBER_SOURCE, "g"))].map((m) => numberMention(m[0], from + m.index));
}
