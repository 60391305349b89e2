/**
 * Counts of somersaults or twists as people write them: "3.5", "3½", "3 1/2", "three and a half",
 * "half", "a half", "one". Used by the sub-action extractor.
 */
const WORD_VALUES: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
};

export const COUNT_SOURCE = String.raw`(?:\d(?:\.5)?(?!\d)(?:\s*½|\s+1\/2)?|½|(?:one|two|three|four)(?:\s+and\s+a\s+half)?|(?:a\s+)?half)`;

export function parseCount(raw: string): number | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const numeric = /^(\d(?:\.5)?)(?:\s*½| 1\/2)?$/.exec(text);
  if (numeric?.[1] !== undefined) {
    const base = Number(numeric[1]);
    return /½|1\/2/.test(text) ? base + 0.5 : base;
  }
  if (text === "½" || text === "half" || text === "a half") return 0.5;
  const words = /^(one|two|three|four)( and a half)?$/.exec(text);
  if (words?.[1] !== undefined) {
    const whole = WORD_VALUES[words[1]];
    if (whole === undefined) return null;
    return words[2] ? whole + 0.5 : whole;
  }
  return null;
}
