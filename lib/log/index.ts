/**
 * The process's logger: `log.info("message", { fields })`, `log.child({ component: "worker" })`.
 * LOG_LEVEL (debug, info, warn, error; default info) filters; the format is one JSON object per
 * line when stdout is not a terminal and a readable line when it is (LOG_FORMAT=json|readable
 * overrides, e.g. for children whose output a launcher shows at a terminal).
 */
import { isLogLevel } from "./log-level";
import { logFormatFrom, logLevelFrom } from "./log-settings";
import { createLogger, type Logger } from "./logger";

export { type LogFormat, type Logger, createLogger } from "./logger";
export { logFormatFrom } from "./log-settings";

export const log: Logger = createLogger({
  level: logLevelFrom(process.env),
  format: logFormatFrom(process.env, process.stdout.isTTY === true),
  write: (line) => process.stdout.write(`${line}\n`),
});

if (process.env.LOG_LEVEL && !isLogLevel(process.env.LOG_LEVEL.trim().toLowerCase())) {
  log.warn("LOG_LEVEL is not one of debug, info, warn, error; logging at info", { LOG_LEVEL: process.env.LOG_LEVEL });
}
