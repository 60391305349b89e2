/** A number written in the answer, with its offsets. */
export interface NumberMention {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Decimal numbers not glued to letters or other digits: "85.2", "-3", "1,234.5" (thousands
 * separators), ".5"; not "mp4" or "3rd". A minus sign right after a digit is a dash ("2-3" gives 2 and 3).
 */
const NUMBER = /(?<![\p{L}\p{N}_.])[-+\u2212]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\p{L}\p{N}]|\.\d)/gu;

export function findNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const value = parseNumber(match[0]);
    if (Number.isFinite(value)) {
      mentions.push({ value, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return mentions;
}

function parseNumber(text: string): number {
  return Number(text.replace(/,/g, "").replace("\u2212", "-"));
}
