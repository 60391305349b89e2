/** Times and time ranges written in answers, converted to seconds. */

export interface TimeMention {
  readonly seconds: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RangeMention {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** m:ss or h:mm:ss, optionally with a decimal fraction: "00:05", "1:02.5", "1:00:03". */
const CLOCK = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:\.\d+)?`;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:milliseconds?|msecs?|ms|minutes?|mins?|seconds?|secs?|sec|s|hours?|hrs?|hr|h)(?![\p{L}\p{N}])`;
const TIME = String.raw`(?:(${CLOCK})|(${NUMBER})(?:\s*(${UNIT}))?)`;
const NOT_GLUED_BEFORE = String.raw`(?<![\p{L}\p{N}.:])`;
const NOT_GLUED_AFTER = String.raw`(?![\p{L}\p{N}]|[.:]\d)`;

/**
 * "from 2.1s to 5s", "between 2 and 5 seconds", "00:02 to 00:05", "1:02.5–1:04", "2-5 s".
 * Groups: 1 from/between, 2 clock, 3 number, 4 unit, 5 separator, 6 clock, 7 number, 8 unit.
 */
const RANGE = new RegExp(
  String.raw`${NOT_GLUED_BEFORE}(?:\b(from|between)\s+)?${TIME}\s*(to|until|till|through|and|-|–|—|~)\s*${TIME}${NOT_GLUED_AFTER}`,
  "giud",
);

/** "at 3.2 seconds", "3.2s", "00:03", "timestamp: 3.2". Groups: 1 lead word, 2 clock, 3 number, 4 unit. */
const TIMESTAMP = new RegExp(
  String.raw`${NOT_GLUED_BEFORE}(?:\b(at|timestamp|time|moment)(?:\s+(?:of|is|was))?\s*[:=]?\s*)?${TIME}${NOT_GLUED_AFTER}`,
  "giud",
);

export function findTimeRanges(text: string): RangeMention[] {
  const ranges: RangeMention[] = [];
  for (const match of text.matchAll(RANGE)) {
    const [, lead, clock1, number1, unit1, separator, clock2, number2, unit2] = match;
    const hasClock = clock1 !== undefined || clock2 !== undefined;
    const hasUnit = unit1 !== undefined || unit2 !== undefined;
    const leadWord = lead?.toLowerCase();
    if (separator?.toLowerCase() === "and" && leadWord !== "between") continue;
    if (!hasClock && !hasUnit && leadWord === undefined) continue;
    const startSeconds = toSeconds(clock1, number1, unit1 ?? unit2);
    const endSeconds = toSeconds(clock2, number2, unit2 ?? unit1);
    if (startSeconds === undefined || endSeconds === undefined || startSeconds > endSeconds) continue;
    const from = match.indices?.[2]?.[0] ?? match.indices?.[3]?.[0] ?? match.index;
    const to = match.index + match[0].length;
    ranges.push({ startSeconds, endSeconds, start: from, end: to, text: text.slice(from, to) });
  }
  return ranges;
}

export function findTimestamps(text: string): TimeMention[] {
  const times: TimeMention[] = [];
  for (const match of text.matchAll(TIMESTAMP)) {
    const [, lead, clock, number, unit] = match;
    if (clock === undefined && unit === undefined && lead === undefined) continue;
    const seconds = toSeconds(clock, number, unit);
    if (seconds === undefined) continue;
    const from = match.indices?.[2]?.[0] ?? match.indices?.[3]?.[0] ?? match.index;
    const to = match.index + match[0].length;
    times.push({ seconds, start: from, end: to, text: text.slice(from, to) });
  }
  return times;
}

function toSeconds(clock: string | undefined, number: string | undefined, unit: string | undefined): number | undefined {
  if (clock !== undefined) return clockSeconds(clock);
  if (number === undefined) return undefined;
  return Number(number) * unitSeconds(unit);
}

function clockSeconds(clock: string): number {
  return clock.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

function unitSeconds(unit: string | undefined): number {
  const u = unit?.toLowerCase();
  if (u === undefined) return 1;
  if (u.startsWith("ms") || u.startsWith("milli")) return 0.001;
  if (u.startsWith("m")) return 60;
  if (u.startsWith("h")) return 3600;
  return 1;
}

/** Temporal intersection over union; two identical instants count as 1. */
export function temporalIou(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const intersection = Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
  const union = Math.max(aEnd, bEnd) - Math.min(aStart, bStart);
  if (union <= 0) return aStart === bStart && aEnd === bEnd ? 1 : 0;
  return intersection / union;
}
