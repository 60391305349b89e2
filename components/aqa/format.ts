import type { MetricInterval } from "@/lib/aqa-review/cycle-metrics";
import { formatNumber, MISSING } from "@/lib/format/formatters";

/** A trimmed number as people write scores: 73.5, 84.8, 63. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : String(Math.round(value * 100) / 100);
}

export function formatInterval(interval: MetricInterval | null, digits = 2): string {
  if (interval === null || interval.low === null || interval.high === null) return "no interval";
  return `95 % CI ${interval.low.toFixed(digits)} – ${interval.high.toFixed(digits)}`;
}

export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return MISSING;
  const rounded = formatNumber(value, digits);
  return value > 0 ? `+${rounded}` : rounded;
}

/** Difficulties are tabled to one decimal: 3.0, 3.4. */
export function formatDifficulty(value: number | null | undefined): string {
  return formatNumber(value, 1);
}
