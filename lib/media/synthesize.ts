import path from "node:path";
import { writeAtomically } from "./atomic-output";
import { DEMO_CLIP_KINDS, sceneFilterGraph, type DemoClipKind, type SceneSize } from "./demo-scenes";
import { MediaError } from "./errors";
import { assertToolPath, runTool } from "./run-tool";

type DemoCodec = "h264" | "mpeg4" | "vp9";

export interface SynthesizeOptions {
  /** 2–4 s; default 3. */
  durationSec?: number;
  /** 12–24; default 24. */
  fps?: number;
  /** Default 320×240. */
  width?: number;
  height?: number;
  /** h264 → .mp4 (browser safe), mpeg4 → .avi, vp9 → .webm (both need transcoding). */
  codec?: DemoCodec;
  /** Add a 440 Hz tone. */
  withAudio?: boolean;
}

const CONTAINER: Record<DemoCodec, { extension: string; format: string; video: string[]; audio: string[] }> = {
  h264: {
    extension: ".mp4",
    format: "mp4",
    video: ["-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-movflags", "+faststart"],
    audio: ["-c:a", "aac", "-b:a", "96k"],
  },
  mpeg4: { extension: ".avi", format: "avi", video: ["-c:v", "mpeg4", "-q:v", "5"], audio: ["-c:a", "libmp3lame", "-b:a", "96k"] },
  vp9: {
    extension: ".webm",
    format: "webm",
    video: ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "-deadline", "realtime", "-cpu-used", "8"],
    audio: ["-c:a", "libopus", "-b:a", "64k"],
  },
};

/** The scene size the options describe, validated (short, small, 12–24 fps). */
function demoSceneSize(options: SynthesizeOptions = {}): SceneSize {
  const scene = {
    durationSec: options.durationSec ?? 3,
    fps: options.fps ?? 24,
    width: options.width ?? 320,
    height: options.height ?? 240,
  };
  if (!(scene.durationSec >= 2 && scene.durationSec <= 4)) throw new MediaError("invalid-argument", "durationSec must be between 2 and 4");
  if (!(Number.isInteger(scene.fps) && scene.fps >= 12 && scene.fps <= 24))
    throw new MediaError("invalid-argument", "fps must be an integer from 12 to 24");
  if (scene.width !== 320 || scene.height !== 240) {
    // The scenes' geometry is laid out for 320×240.
    throw new MediaError("invalid-argument", "demo clips are 320x240");
  }
  return scene;
}

/**
 * Renders a short synthetic clip with ffmpeg's lavfi sources: "ball" (a ball crossing the frame),
 * "diver" (a small figure dropping from a platform into a blue water band), "carry" (a person
 * walks to a box, picks it up and carries it off), "bars" (ffmpeg's test pattern). The content is
 * deterministic: a function of the kind and options only. Returns the scene size used.
 */
export async function synthesizeDemoClip(kind: DemoClipKind, dest: string, options: SynthesizeOptions = {}): Promise<SceneSize> {
  if (!DEMO_CLIP_KINDS.includes(kind)) throw new MediaError("invalid-argument", `unknown demo clip kind "${String(kind)}"`);
  assertToolPath(dest, "the destination");
  const scene = demoSceneSize(options);
  const codec = CONTAINER[options.codec ?? "h264"];
  if (path.extname(dest).toLowerCase() !== codec.extension) {
    throw new MediaError("invalid-argument", `a ${options.codec ?? "h264"} clip must be written to a ${codec.extension} file`, dest);
  }
  let graph = sceneFilterGraph(kind, scene);
  if (options.withAudio === true) graph += `;sine=frequency=440:sample_rate=44100:duration=${scene.durationSec}[a]`;
  await writeAtomically(dest, async (temp) => {
    await runTool(
      "ffmpeg",
      [
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-filter_complex",
        graph,
        "-map",
        "[v]",
        ...(options.withAudio === true ? ["-map", "[a]", ...codec.audio] : []),
        ...codec.video,
        "-threads",
        "1",
        "-fflags",
        "+bitexact",
        "-flags",
        "+bitexact",
        "-map_metadata",
        "-1",
        "-t",
        String(scene.durationSec),
        "-f",
        codec.format,
        temp,
      ],
      { timeoutMs: 60_000 },
    );
  });
  return scene;
}
