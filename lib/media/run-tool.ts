import { spawn } from "node:child_process";
import path from "node:path";
import type { Readable } from "node:stream";
import { MediaError } from "./errors";
import { type MediaTool, mediaToolPath } from "./tool-paths";

export interface RunOptions {
  timeoutMs?: number;
  /** Data to stream to the tool's standard input (e.g. JPEG frames for image2pipe). */
  stdin?: Readable;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

const MAX_CAPTURE = 4 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Runs ffmpeg or ffprobe with an argument array (never a shell). Resolves with its output on exit
 * code 0; otherwise rejects with a MediaError carrying the tool's last error lines.
 */
export function runTool(tool: MediaTool, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const binary = mediaToolPath(tool);
    const child = spawn(binary, args, { stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let settled = false;
    const finish = (error: MediaError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === null) resolve({ stdout, stderr });
      else reject(error);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(new MediaError("timeout", `${tool} did not finish within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`));
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < MAX_CAPTURE) stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-MAX_CAPTURE);
    });
    if (options.stdin && child.stdin) {
      // The tool may exit before reading everything (an error): that EPIPE is reported via its exit code.
      child.stdin.on("error", () => undefined);
      options.stdin.on("error", (error) => {
        child.kill("SIGKILL");
        finish(new MediaError("invalid-argument", `cannot read input: ${error.message}`));
      });
      options.stdin.pipe(child.stdin);
    }
    child.on("error", (error: NodeJS.ErrnoException) => {
      finish(
        error.code === "ENOENT"
          ? new MediaError("tool-missing", `${tool} could not be found at ${binary}`)
          : new MediaError("ffmpeg-failed", `${tool} (${binary}) could not start: ${error.message}`),
      );
    });
    child.on("close", (code, signal) => {
      options.stdin?.destroy();
      if (code === 0) finish(null);
      else finish(new MediaError("ffmpeg-failed", lastLines(stderr) || `${tool} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

function lastLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(-count).join(" | ").trim();
}

/**
 * Refuses a path before it reaches ffmpeg: it must be absolute (so it can never be read as an
 * option or a protocol like "concat:" or "http:") and free of NUL and line breaks. Callers turn
 * user-facing relative paths into absolute ones with `resolveInside`.
 */
export function assertToolPath(filePath: string, what: string): void {
  if (!path.isAbsolute(filePath) || /[\0\r\n]/.test(filePath)) {
    throw new MediaError("invalid-argument", `${what} must be an absolute path without control characters`, filePath);
  }
}
