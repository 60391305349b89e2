import { expect, test } from "vitest";
import { createLogger, type LogFormat, type LoggerOptions } from "./logger";

const TIME = new Date("2025-03-04T05:06:07.089Z");

function capture(options: Partial<LoggerOptions> & { format?: LogFormat } = {}) {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", now: () => TIME, write: (line) => lines.push(line), ...options });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

test("writes one JSON object per event: time, level and message first, then the fields", () => {
  const { logger, lines } = capture();
  logger.info("import finished", { importId: 7, videos: 3 });
  expect(lines).toEqual(['{"time":"2025-03-04T05:06:07.089Z","level":"info","msg":"import finished","importId":7,"videos":3}']);
});

test("drops events below the level it is set to", () => {
  const { logger, records } = capture({ level: "warn" });
  logger.debug("d");
  logger.info("i");
  logger.warn("w");
  logger.error("e");
  expect(records().map((record) => [record.level, record.msg])).toEqual([
    ["warn", "w"],
    ["error", "e"],
  ]);
});

test("a child adds its bound fields to every event, and its children add theirs", () => {
  const { logger, records } = capture();
  const worker = logger.child({ component: "worker", workerId: "host:1" });
  const queue = worker.child({ queue: "cycle-tick" });
  queue.info("job done", { jobId: "abc" });
  worker.info("stopped");
  logger.info("plain");
  expect(records()).toEqual([
    {
      time: TIME.toISOString(),
      level: "info",
      msg: "job done",
      component: "worker",
      workerId: "host:1",
      queue: "cycle-tick",
      jobId: "abc",
    },
    { time: TIME.toISOString(), level: "info", msg: "stopped", component: "worker", workerId: "host:1" },
    { time: TIME.toISOString(), level: "info", msg: "plain" },
  ]);
});

test("an event's own fields win over bound ones, but never replace time, level or message", () => {
  const { logger, records } = capture();
  logger.child({ queue: "a" }).warn("moved", { queue: "b", level: "oops", msg: "not this" });
  expect(records()[0]).toMatchObject({ level: "warn", msg: "moved", queue: "b", "field.level": "oops", "field.msg": "not this" });
});

test("an error field keeps its name, message, stack, own properties and cause", () => {
  const { logger, records } = capture();
  const error = Object.assign(new Error("HTTP 503", { cause: new Error("socket hang up") }), { status: 503 });
  logger.error("job failed", { error });
  const logged = records()[0]!.error as Record<string, unknown>;
  expect(logged).toMatchObject({ name: "Error", message: "HTTP 503", status: 503, cause: { message: "socket hang up" } });
  expect(logged.stack).toContain("logger.test.ts");
});

test("a field that cannot be serialized does not lose the event", () => {
  const { logger, records } = capture();
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  logger.info("odd", { circular });
  expect(records()[0]).toMatchObject({ level: "info", msg: "odd", logError: expect.stringContaining("not serializable") });
});

test("the readable format is one line with the time, level, message and fields, and an error's stack below", () => {
  const { logger, lines } = capture({ format: "readable" });
  logger.info("worker started", { queues: 3, host: "gpu box" });
  const error = new Error("boom");
  logger.error("job failed", { queue: "cycle-tick", error });
  expect(lines[0]).toBe('05:06:07.089 INFO  worker started queues=3 host="gpu box"');
  const [head, ...stack] = lines[1]!.split("\n");
  expect(head).toBe("05:06:07.089 ERROR job failed queue=cycle-tick error=boom");
  expect(stack[0]).toBe("    Error: boom");
});
