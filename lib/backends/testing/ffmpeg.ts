import { execFileSync } from "node:child_process";

/** Fails (never skips) when ffmpeg is missing: CI installs it, and frame sampling depends on it. */
export function requireFfmpeg(): void {
  for (const tool of ["ffmpeg", "ffprobe"]) {
    try {
      execFileSync(tool, ["-version"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is not on PATH: install ffmpeg (apt-get install ffmpeg); the frame-sampling tests need it`);
    }
  }
}

/** The 2 s test clip: ffmpeg's test pattern, H.264, yuv420p. */
export function makeTestClip(path: string, size = "320x240"): void {
  execFileSync(
    "ffmpeg",
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
