import { expect, test } from "vitest";
import { logFormatFrom, logLevelFrom } from "./log-settings";

test("LOG_LEVEL picks the level, in any case; unset or unknown means info", () => {
  expect(logLevelFrom({ LOG_LEVEL: "debug" })).toBe("debug");
  expect(logLevelFrom({ LOG_LEVEL: " WARN " })).toBe("warn");
  expect(logLevelFrom({})).toBe("info");
  expect(logLevelFrom({ LOG_LEVEL: "verbose" })).toBe("info");
});

test("JSON lines unless stdout is a terminal; LOG_FORMAT overrides either way", () => {
  expect(logFormatFrom({}, false)).toBe("json");
  expect(logFormatFrom({}, true)).toBe("readable");
  expect(logFormatFrom({ LOG_FORMAT: "json" }, true)).toBe("json");
  expect(logFormatFrom({ LOG_FORMAT: "readable" }, false)).toBe("readable");
  expect(logFormatFrom({ LOG_FORMAT: "fancy" }, false)).toBe("json");
});
