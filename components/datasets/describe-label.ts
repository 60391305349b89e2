/** A video's label in words, by kind: what the dataset page lists beside the clip. */
export function describeLabel(kind: string, value: unknown): string {
  const record = asRecord(value);
  switch (kind.toUpperCase()) {
    case "CLASS":
    case "CAPTION":
      if (typeof value === "string") return value;
      break;
    case "FLOAT":
      if (record && typeof record.value === "number") return `${text(record.name) || "value"} = ${record.value}`;
      break;
    case "INTERVAL":
      if (record && isNumber(record.start) && isNumber(record.end))
        return `${text(record.action) ? `${text(record.action)}: ` : ""}${seconds(record.start)}–${seconds(record.end)} s`;
      break;
    case "TIMESTAMP":
      if (record && isNumber(record.time)) return `${text(record.label) ? `${text(record.label)} at ` : "at "}${seconds(record.time)} s`;
      break;
    case "BBOX":
      if (record && Array.isArray(record.box)) {
        const box = `box (${record.box.map((n) => (isNumber(n) ? round(n) : "?")).join(", ")})`;
        const where = isNumber(record.time) ? ` at ${seconds(record.time)} s` : "";
        return `${text(record.label) ? `${text(record.label)}: ` : ""}${box}${where}`;
      }
      break;
    case "SEQUENCE":
      if (record && Array.isArray(record.actions)) return record.actions.map(String).join(" → ");
      break;
    case "SAME":
      if (record && typeof record.same === "boolean") return record.same ? "the same object" : "different objects";
      break;
    case "DIVE":
      if (record) return describeDive(record);
      break;
  }
  return readable(value);
}

function describeDive(dive: Record<string, unknown>): string {
  const parts = [
    text(dive.action_type) && `dive ${text(dive.action_type)}`,
    isNumber(dive.difficulty) && `difficulty ${dive.difficulty}`,
    isNumber(dive.dive_score) && `score ${dive.dive_score}`,
    Array.isArray(dive.judge_scores) && dive.judge_scores.length > 0 && `judges ${dive.judge_scores.join(", ")}`,
    Array.isArray(dive.sub_actions) && dive.sub_actions.length > 0 && `sub-actions ${dive.sub_actions.map(String).join(" → ")}`,
  ];
  return parts.filter(Boolean).join(" · ") || readable(dive);
}

/** Anything else as "key: value" pairs rather than JSON, cut at 300 characters. */
function readable(value: unknown): string {
  const whole = flat(value);
  return whole.length > 300 ? `${whole.slice(0, 300)}…` : whole;
}

function flat(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(flat).join(", ");
  const record = asRecord(value);
  if (record)
    return Object.entries(record)
      .map(([key, inner]) => `${key.replace(/_/g, " ")}: ${flat(inner)}`)
      .join(" · ");
  return isNumber(value) ? String(round(value)) : String(value);
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const round = (value: number) => Math.round(value * 1000) / 1000;
const seconds = (value: number) => value.toFixed(2);
