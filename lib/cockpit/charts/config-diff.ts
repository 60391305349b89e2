export interface ConfigDifference {
  /** Dotted path, e.g. "sampling.temperature" or "prompts.answer". */
  path: string;
  a: unknown;
  b: unknown;
}

/** The settings that differ between two configuration snapshots, leaf by leaf (arrays compared whole). */
export function diffConfigs(a: unknown, b: unknown, path = ""): ConfigDifference[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diffConfigs(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return sameValue(a, b) ? [] : [{ path: path || "(whole)", a: a ?? null, b: b ?? null }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  return value ?? null;
}
