/** A number as the released parser's `[-+]?\d*\.\d+|[-+]?\d+` finds it ("2-3" gives 2 and -3, "1,234" gives 1 and 234). */
export interface ReleasedNumber {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const RELEASED_NUMBER = /[-+]?\d*\.\d+|[-+]?\d+/g;

/** `PredictionParser.extract_float` / `extract_last_float`: every match of the released regex, in order. */
export function releasedNumbers(text: string): ReleasedNumber[] {
  const numbers: ReleasedNumber[] = [];
  for (const match of text.matchAll(RELEASED_NUMBER)) {
    numbers.push({ value: Number(match[0]), start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return numbers;
}

/** Python's `str(float)` for the values labels hold: integers keep ".0" ("3.0"), others their shortest form. */
export function pythonFloatText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}
