import type { LogLevel } from "./log-level";

/** One log event: when, how severe, what happened, and the fields bound to it. */
export interface LogRecord {
  time: Date;
  level: LogLevel;
  message: string;
  fields: Record<string, unknown>;
}

const RESERVED = new Set(["time", "level", "msg"]);

/** One JSON object, for log collectors: `time`, `level` and `msg` first, then the fields. */
export function jsonLine(record: LogRecord): string {
  const object: Record<string, unknown> = { time: record.time.toISOString(), level: record.level, msg: record.message };
  for (const [key, value] of Object.entries(record.fields)) object[RESERVED.has(key) ? `field.${key}` : key] = value;
  try {
    return JSON.stringify(object, jsonValue);
  } catch (error) {
    // A circular or otherwise unserializable field must not lose the event itself.
    return JSON.stringify({
      time: object.time,
      level: object.level,
      msg: object.msg,
      logError: `fields not serializable: ${String(error)}`,
    });
  }
}

/** A line for people at a terminal: `12:30:05.120 INFO  message key=value`, an error's stack below it. */
export function readableLine(record: LogRecord): string {
  const time = record.time.toISOString().slice(11, 23);
  const stacks: string[] = [];
  const pairs = Object.entries(record.fields).map(([key, value]) => {
    if (value instanceof Error) {
      if (value.stack) stacks.push(value.stack);
      return `${key}=${quoted(value.message)}`;
    }
    return `${key}=${typeof value === "string" ? quoted(value) : JSON.stringify(value, jsonValue)}`;
  });
  const head = [time, record.level.toUpperCase().padEnd(5), record.message, ...pairs].join(" ");
  return [head, ...stacks.map((stack) => indent(stack))].join("\n");
}

function jsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return errorObject(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

function errorObject(error: Error): Record<string, unknown> {
  const object: Record<string, unknown> = { name: error.name, message: error.message };
  // Own enumerable properties carry what typed errors add (a status, a code, attempts).
  for (const [key, value] of Object.entries(error)) object[key] = value;
  if (error.stack) object.stack = error.stack;
  if (error.cause !== undefined) object.cause = error.cause;
  return object;
}

function quoted(text: string): string {
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
