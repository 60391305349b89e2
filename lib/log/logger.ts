import { isEnabled, type LogLevel } from "./log-level";
import { jsonLine, readableLine } from "./log-line";

export type LogFields = Record<string, unknown>;
export type LogFormat = "json" | "readable";

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every event (e.g. `{ component: "worker", queue }`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Receives each line without its newline. */
  write: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const format = options.format === "json" ? jsonLine : readableLine;
  const now = options.now ?? (() => new Date());
  const emit =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (!isEnabled(level, options.level)) return;
      options.write(format({ time: now(), level, message, fields: { ...bound, ...fields } }));
    };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}
