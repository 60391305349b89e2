/** How the simulated model writes numbers, so that the verifier's regexes can read them back. */

/** Up to `maxDecimals` decimals, trailing zeros dropped ("85.78", "3.5", "85"). */
export function formatNumber(value: number, maxDecimals = 2): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/** Seconds with at least one decimal: "2.0", "5.25". */
export function formatSeconds(seconds: number): string {
  const rounded = Number(seconds.toFixed(2));
  return Number.isInteger(rounded * 10) ? rounded.toFixed(1) : rounded.toFixed(2);
}

/** "00:02"-style clock time; only exact for whole seconds. */
export function formatClock(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${String(minutes).padStart(2, "0")}:${String(rest).padStart(2, "0")}`;
}

export function isWholeSecond(seconds: number): boolean {
  return Math.abs(seconds - Math.round(seconds)) < 1e-6;
}

/** "[0.12, 0.30, 0.55, 0.90]": normalised corners, two decimals each. */
export function formatBox(box: readonly number[]): string {
  return `[${box.map((v) => v.toFixed(2)).join(", ")}]`;
}

/** Word count as a reader would count it: runs of characters other than whitespace (`\s`). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Exactly the UTF-16 code units of the RegExp class `\s` (WhiteSpace and LineTerminator). */
function isWhitespace(code: number): boolean {
  if (code > 32 && code < 0xa0) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
