import type { Target } from "../types";
import type { TargetMapping } from "./mapping";
import type { RowReader } from "./row-reader";

/** Builds a contract target from a row as the mapping says; null (with errors recorded) when it cannot. */
export function targetFromRow(mapping: TargetMapping, row: RowReader): Target | null {
  switch (mapping.labelType) {
    case "class":
    case "caption": {
      const label = row.text(mapping.from);
      return label === null ? null : { labelType: mapping.labelType, label };
    }
    case "float": {
      const value = row.number(mapping.from.value);
      return value === null ? null : { labelType: "float", label: { value, name: mapping.from.name } };
    }
    case "bbox": {
      const from = mapping.from;
      if ("box" in from) {
        const box = row.box(from.box);
        return box === null ? null : { labelType: "bbox", label: { box } };
      }
      const corners = [row.number(from.x1), row.number(from.y1), row.number(from.x2), row.number(from.y2)];
      if (corners.some((n) => n === null)) return null;
      const box = row.checkedBox(from.x1, corners as [number, number, number, number]);
      return box === null ? null : { labelType: "bbox", label: { box } };
    }
    case "interval": {
      const start = row.number(mapping.from.start);
      const end = row.number(mapping.from.end);
      if (start === null || end === null) return null;
      if (!(end > start)) return row.fail(mapping.from.end, `end (${end}) must be greater than start (${start})`);
      const duration = clipDuration(mapping.from.duration, row);
      if (duration === null) return null;
      return { labelType: "interval", label: { start, end, ...duration } };
    }
    case "timestamp": {
      const time = row.number(mapping.from.time);
      if (time === null) return null;
      const duration = clipDuration(mapping.from.duration, row);
      if (duration === null) return null;
      return { labelType: "timestamp", label: { time, ...duration } };
    }
    case "sequence": {
      const actions = row.list(mapping.from.actions, mapping.from.separator);
      return actions === null ? null : { labelType: "sequence", label: { actions } };
    }
    case "same": {
      const same = row.boolean(mapping.from.same);
      return same === null ? null : { labelType: "same", label: { same } };
    }
  }
}

/** The clip's length from its column when the mapping names one: `{}` without one, null (error recorded) when unreadable. */
function clipDuration(column: string | undefined, row: RowReader): { duration?: number } | null {
  if (column === undefined) return {};
  const duration = row.number(column);
  if (duration === null) return null;
  if (!(duration > 0)) return row.fail(column, `duration (${duration}) must be greater than 0`);
  return { duration };
}
