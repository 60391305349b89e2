import pLimit from "p-limit";
import type { StarGeometry } from "./keyframes";

/** Charades videos as STAR distributes them (scaled to 480p): the frame size assumed when none is known. */
const STAR_ASSUMED_FRAME_SIZE = { width: 640, height: 480 } as const;
/** Most Charades videos are ~30 fps (41 % are not): the rate assumed when none is known. */
const STAR_ASSUMED_FPS = 30;

/** What probing a video tells; null when it could not be probed. */
export interface VideoFacts {
  fps: number | null;
  width: number;
  height: number;
}
export type VideoProber = (mediaPath: string) => Promise<VideoFacts | null>;

/** Where a video's frame rate and frame size came from. */
export type FpsSource = "fps file" | "probed" | "given" | "assumed";
export type SizeSource = "probed" | "given" | "assumed";

export interface ResolvedGeometry extends StarGeometry {
  fpsSource: FpsSource;
  sizeSource: SizeSource;
}

export interface GeometrySources {
  /** STAR's `video_fps` file: video id → fps. */
  fpsFile: ReadonlyMap<string, number> | null;
  prober: VideoProber | null;
  /** Given for every video (options): used when neither the file nor probing knows. */
  fps?: number;
  frameSize?: { width: number; height: number };
  /** Given per video: wins over everything. */
  videos?: Record<string, { fps?: number; width?: number; height?: number }>;
}

/**
 * Each video's frame rate (frame ids → seconds) and frame size (pixel boxes → normalised): the
 * per-video override, then STAR's fps file (rate) or the probed video, then what was given for
 * all videos, else 30 fps and 640×480, assumed. Probes each video once, a few at a time.
 */
export class VideoGeometry {
  private readonly probed = new Map<string, VideoFacts | null>();
  private readonly fpsCounts: Record<FpsSource, number> = { "fps file": 0, probed: 0, given: 0, assumed: 0 };
  private readonly sizeCounts: Record<SizeSource, number> = { probed: 0, given: 0, assumed: 0 };

  constructor(private readonly sources: GeometrySources) {}

  /** Probes the videos (id → media path) ahead of `resolve`. */
  async probeAll(videos: ReadonlyMap<string, string>): Promise<void> {
    const { prober } = this.sources;
    if (prober === null) return;
    const limit = pLimit(4);
    await Promise.all(
      [...videos].map(([videoId, mediaPath]) =>
        limit(async () => {
          this.probed.set(videoId, await prober(mediaPath).catch(() => null));
        }),
      ),
    );
  }

  resolve(videoId: string): ResolvedGeometry {
    const override = this.sources.videos?.[videoId];
    const facts = this.probed.get(videoId) ?? null;
    const fromFile = this.sources.fpsFile?.get(videoId);
    const [fps, fpsSource]: [number, FpsSource] =
      override?.fps !== undefined
        ? [override.fps, "given"]
        : fromFile !== undefined
          ? [fromFile, "fps file"]
          : facts?.fps != null
            ? [facts.fps, "probed"]
            : this.sources.fps !== undefined
              ? [this.sources.fps, "given"]
              : [STAR_ASSUMED_FPS, "assumed"];
    const [size, sizeSource]: [{ width: number; height: number }, SizeSource] =
      override?.width !== undefined && override.height !== undefined
        ? [{ width: override.width, height: override.height }, "given"]
        : facts !== null
          ? [{ width: facts.width, height: facts.height }, "probed"]
          : this.sources.frameSize !== undefined
            ? [this.sources.frameSize, "given"]
            : [STAR_ASSUMED_FRAME_SIZE, "assumed"];
    return { fps, width: size.width, height: size.height, fpsSource, sizeSource };
  }

  /** Counts one clip's video towards the summary. */
  count(geometry: ResolvedGeometry): void {
    this.fpsCounts[geometry.fpsSource] += 1;
    this.sizeCounts[geometry.sizeSource] += 1;
  }

  /** Whether some clip's rate or size was neither read, probed nor given. */
  assumedAny(): boolean {
    return this.fpsCounts.assumed + this.sizeCounts.assumed > 0;
  }

  /** Where the clips' rates and sizes came from; null when there were no clips. */
  summary(): string | null {
    const fps = this.fpsCounts;
    const size = this.sizeCounts;
    if (Object.values(fps).every((count) => count === 0)) return null;
    const part = (count: number, what: string) => (count > 0 ? [`${count} ${what}`] : []);
    const rates = [
      ...part(fps["fps file"], "from the fps file"),
      ...part(fps.probed, "probed from the video"),
      ...part(fps.given, "as given"),
      ...part(fps.assumed, `assumed ${STAR_ASSUMED_FPS} fps (not in an fps file, video not probed)`),
    ];
    const sizes = [
      ...part(size.probed, "probed"),
      ...part(size.given, "as given"),
      ...part(size.assumed, `assumed ${STAR_ASSUMED_FRAME_SIZE.width}×${STAR_ASSUMED_FRAME_SIZE.height}`),
    ];
    return `clips' frame rates: ${rates.join(", ")}; frame sizes (for boxes): ${sizes.join(", ")}`;
  }
}
