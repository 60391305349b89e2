/**
 * How figures are written for people, wherever they are shown (pages, estimates, reports): one way
 * per kind, so that the same figure reads the same on every page. A missing or non-finite value
 * is written as an em dash.
 */

export const MISSING = "—";

type MaybeNumber = number | null | undefined;

function isMissing(value: MaybeNumber): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1,234 · 0.123 (with `digits` decimals) · — */
export function formatNumber(value: MaybeNumber, digits = 0): string {
  if (isMissing(value)) return MISSING;
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** A fraction as a percentage: 0.1234 → 12.3 % (0.5 → 50 % with `digits` 0) · — */
export function formatPercent(fraction: MaybeNumber, digits = 1): string {
  return isMissing(fraction) ? MISSING : `${formatNumber(fraction * 100, digits)} %`;
}

/** 42 s · 3 min 5 s · 2 h 10 min · — */
export function formatDuration(seconds: MaybeNumber): string {
  if (isMissing(seconds)) return MISSING;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** 512 B · 1.5 KiB · 2.0 GiB · — */
export function formatBytes(bytes: MaybeNumber): string {
  if (isMissing(bytes)) return MISSING;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}

type DateInput = Date | string | number | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// In the reader's time zone (the browser's, or the server's for server-rendered pages).
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });

/** Dec 7, 2026, 5:52 PM · — */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : MISSING;
}

/** Dec 7, 2026 · — */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : MISSING;
}

/** 5:52:18 PM (a moment within the day, such as when something was saved) · — */
export function formatTime(value: DateInput): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : MISSING;
}

/** A status or enum value as words: DONE_WITH_ERRORS → done with errors, IN_PROGRESS → in progress. */
export function formatStatus(status: string): string {
  return status.toLowerCase().replaceAll("_", " ");
}
