import { expect, test } from "vitest";
import { createLogger, type LogFormat } from "@/lib/log";
import { type OutputStream, relayLine } from "./child-output";

function relay(format: LogFormat) {
  const written: [string, OutputStream][] = [];
  const write = (line: string, stream: OutputStream) => written.push([line, stream]);
  const logger = createLogger({
    level: "info",
    format,
    now: () => new Date("2025-01-01T00:00:00Z"),
    write: (line) => write(line, "stdout"),
  });
  return { written, send: (line: string, stream: OutputStream = "stdout") => relayLine(line, "worker", stream, { format, logger, write }) };
}

test("at a terminal, each line gets the child's name in front and keeps its stream", () => {
  const { written, send } = relay("readable");
  send("12:00:00.000 INFO  taking jobs");
  send("oops", "stderr");
  expect(written).toEqual([
    ["[worker] 12:00:00.000 INFO  taking jobs", "stdout"],
    ["[worker] oops", "stderr"],
  ]);
});

test("as JSON lines, a child's event gains its name and other lines become events", () => {
  const { written, send } = relay("json");
  send('{"time":"t","level":"error","msg":"job failed","queue":"cycle-tick"}');
  send("▲ Next.js 16");
  send("(node) warning", "stderr");
  send("");
  expect(written.map(([line]) => JSON.parse(line))).toEqual([
    { time: "t", level: "error", msg: "job failed", queue: "cycle-tick", process: "worker" },
    { time: "2025-01-01T00:00:00.000Z", level: "info", msg: "▲ Next.js 16", process: "worker" },
    { time: "2025-01-01T00:00:00.000Z", level: "warn", msg: "(node) warning", process: "worker" },
  ]);
  expect(written.every(([, stream]) => stream === "stdout")).toBe(true);
});
