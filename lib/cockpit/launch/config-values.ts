/** Reading and writing nested configuration values by dotted path, immutably. */
export type ConfigValues = Record<string, unknown>;

export function getAt(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((current, key) => (isRecord(current) ? current[key] : undefined), values);
}

/** A copy with the value at `path` set (undefined removes the key). */
export function setAt(values: ConfigValues, path: string, value: unknown): ConfigValues {
  const [head, ...rest] = path.split(".");
  if (head === undefined) return values;
  const copy: ConfigValues = { ...values };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = isRecord(values[head]) ? (values[head] as ConfigValues) : {};
  copy[head] = setAt(child, rest.join("."), value);
  return copy;
}

/**
 * Verifier overrides: the settings whose values differ from the preset's, grouped as
 * `{ keyword: { threshold: 0.85 } }` — what cycleConfigSchema's `verifier.overrides` takes.
 */
export function overridesFrom(
  preset: Record<string, Record<string, unknown>>,
  values: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [group, settings] of Object.entries(values)) {
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined || value === preset[group]?.[key]) continue;
      overrides[group] = { ...overrides[group], [key]: value };
    }
  }
  return overrides;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The dotted paths whose values differ between two configurations, in order: objects are compared
 * key by key, anything else (arrays included) as a whole.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ""): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}
