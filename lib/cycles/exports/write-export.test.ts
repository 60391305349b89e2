import path from "node:path";
import { describe, expect, test } from "vitest";
import { mediaRoot } from "@/lib/config/media-root";
import { llamaFactoryVideoPath } from "./write-export";

describe("LLaMA-Factory video paths", () => {
  const clip = "kinetics/train/abc_000001_000011.mp4";

  test("a download names clips under the folder the person named, relative unless they named an absolute one", () => {
    expect(llamaFactoryVideoPath({ purpose: "download", videoFolder: "clips" }, clip, undefined)).toBe(`clips/${clip}`);
    expect(llamaFactoryVideoPath({ purpose: "download", videoFolder: "/data/vstar/media" }, clip, "/cluster")).toBe(
      `/data/vstar/media/${clip}`,
    );
    // An export asked for before the folder could be named: beside dataset_info.json, in videos/.
    expect(llamaFactoryVideoPath({ purpose: "download" }, clip, undefined)).toBe(`videos/${clip}`);
  });

  test("this server's absolute paths only when asked for, and always for the cycle's own training", () => {
    expect(llamaFactoryVideoPath({ purpose: "download", absoluteVideoPaths: true }, clip, "/cluster/data")).toBe(
      path.join(mediaRoot(), clip),
    );
    expect(llamaFactoryVideoPath({ purpose: "training" }, clip, undefined)).toBe(path.join(mediaRoot(), clip));
  });
});
