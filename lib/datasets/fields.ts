/** A decimal number as written in a text field ("12", "3.5", "1e2"); null when it is not one. */
export function parseNumberText(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

/** Rounds to `digits` decimals for display in question text (12.3333 → "12.3"). */
export function formatSeconds(seconds: number, digits = 1): string {
  return Number(seconds.toFixed(digits)).toString();
}

/** Formats a normalised box for question text: "[0.12, 0.3, 0.45, 0.8]". */
export function formatBox(box: readonly number[]): string {
  return `[${box.map((value) => Number(value.toFixed(2)).toString()).join(", ")}]`;
}
