import type { MetricInterval } from "@/lib/aqa-review/cycle-metrics";

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

/** A trimmed number as people write scores: 73.5, 84.8, 63. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : String(Math.round(value * 100) / 100);
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 1000) / 10} %`;
}

export function formatInterval(interval: MetricInterval | null, digits = 2): string {
  if (interval === null || interval.low === null || interval.high === null) return "no interval";
  return `95 % CI ${interval.low.toFixed(digits)} – ${interval.high.toFixed(digits)}`;
}

export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return "—";
  const rounded = value.toFixed(digits);
  return value > 0 ? `+${rounded}` : rounded;
}

/** Difficulties are tabled to one decimal: 3.0, 3.4. */
export function formatDifficulty(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(1);
}
