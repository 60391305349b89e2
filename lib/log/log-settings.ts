import { isLogLevel, type LogLevel } from "./log-level";
import type { LogFormat } from "./logger";

type Environment = Record<string, string | undefined>;

/** LOG_LEVEL, or info when it is unset or not a level. */
export function logLevelFrom(env: Environment): LogLevel {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  return isLogLevel(level) ? level : "info";
}

/** LOG_FORMAT when it names a format; otherwise readable at a terminal and JSON lines elsewhere. */
export function logFormatFrom(env: Environment, stdoutIsTerminal: boolean): LogFormat {
  const format = env.LOG_FORMAT?.trim().toLowerCase();
  if (format === "json" || format === "readable") return format;
  return stdoutIsTerminal ? "readable" : "json";
}
