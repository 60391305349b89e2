import { execFileSync } from "node:child_process";
import { mediaToolPath } from "@/lib/media/tool-paths";

/**
 * Fails (never skips) when ffmpeg or ffprobe cannot be found or run: npm install provides both,
 * and frame sampling depends on them.
 */
export function requireFfmpeg(): void {
  for (const tool of ["ffmpeg", "ffprobe"] as const) {
    const binary = mediaToolPath(tool);
    try {
      execFileSync(binary, ["-version"], { stdio: "ignore" });
    } catch (error) {
      throw new Error(`${tool} at ${binary} does not run (${String(error)}); the frame-sampling tests need it`);
    }
  }
}

/** The 2 s test clip: ffmpeg's test pattern, H.264, yuv420p. */
export function makeTestClip(path: string, size = "320x240"): void {
  execFileSync(
    mediaToolPath("ffmpeg"),
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      `testsrc=duration=2:size=${size}:rate=12`,
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
      path,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}
