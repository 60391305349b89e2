import type { LogFormat, Logger } from "@/lib/log";

export type OutputStream = "stdout" | "stderr";

export interface ChildOutput {
  format: LogFormat;
  /** Turns a child's plain line into an event, in JSON mode. */
  logger: Logger;
  write: (line: string, stream: OutputStream) => void;
}

/**
 * One line a child printed, as the launcher passes it on. At a terminal: the line with the child's
 * name in front. As JSON lines: a child's JSON event gains the child's name as `process`, and any
 * other line (Next.js's own, say) becomes an event of its own, so every line stays one JSON object.
 */
export function relayLine(line: string, child: string, stream: OutputStream, out: ChildOutput): void {
  if (out.format === "readable") {
    out.write(`[${child}] ${line}`, stream);
    return;
  }
  if (line.trim() === "") return;
  const event = jsonObject(line);
  const logger = out.logger.child({ process: child });
  if (event) out.write(JSON.stringify({ ...event, process: child }), "stdout");
  else if (stream === "stderr") logger.warn(line);
  else logger.info(line);
}

function jsonObject(line: string): Record<string, unknown> | null {
  if (!line.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
