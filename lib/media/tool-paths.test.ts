import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MediaError } from "./errors";
import { describeMediaTool, machineToolLookup, type MediaToolLookup, resolveMediaTool } from "./tool-paths";

/** A machine with these executable files, this environment and (maybe) the npm package's binary. */
function machine(env: Record<string, string>, executables: string[], packaged?: string): MediaToolLookup {
  return {
    env,
    isExecutableFile: (filePath) => executables.includes(filePath),
    packageBinary: () => packaged,
  };
}

const PACKAGED = "/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg";

describe("resolving ffmpeg and ffprobe", () => {
  it("takes FFMPEG_PATH over PATH and the package", () => {
    const lookup = machine(
      { FFMPEG_PATH: "/opt/ffmpeg-7/bin/ffmpeg", PATH: "/usr/bin" },
      ["/opt/ffmpeg-7/bin/ffmpeg", "/usr/bin/ffmpeg", PACKAGED],
      PACKAGED,
    );
    expect(resolveMediaTool("ffmpeg", lookup)).toEqual({ tool: "ffmpeg", path: "/opt/ffmpeg-7/bin/ffmpeg", source: "env" });
  });

  it("looks a bare name in FFPROBE_PATH up on PATH", () => {
    const lookup = machine({ FFPROBE_PATH: "ffprobe-7", PATH: "/usr/local/bin:/usr/bin" }, ["/usr/bin/ffprobe-7", "/usr/bin/ffprobe"]);
    expect(resolveMediaTool("ffprobe", lookup)).toMatchObject({ path: "/usr/bin/ffprobe-7", source: "env" });
  });

  it("takes the first system binary on PATH over the package", () => {
    const lookup = machine({ PATH: "/nowhere::/usr/local/bin:/usr/bin" }, ["/usr/local/bin/ffmpeg", "/usr/bin/ffmpeg", PACKAGED], PACKAGED);
    expect(resolveMediaTool("ffmpeg", lookup)).toEqual({ tool: "ffmpeg", path: "/usr/local/bin/ffmpeg", source: "path" });
  });

  it("falls back to the npm package's binary when PATH has none", () => {
    const lookup = machine({ PATH: "/usr/bin", FFMPEG_PATH: "" }, [PACKAGED], PACKAGED);
    expect(resolveMediaTool("ffmpeg", lookup)).toEqual({ tool: "ffmpeg", path: PACKAGED, source: "package" });
  });

  it("refuses an override that points at nothing, naming the variable", () => {
    const lookup = machine({ FFMPEG_PATH: "/opt/missing/ffmpeg", PATH: "/usr/bin" }, ["/usr/bin/ffmpeg", PACKAGED], PACKAGED);
    expect(() => resolveMediaTool("ffmpeg", lookup)).toThrow(MediaError);
    expect(() => resolveMediaTool("ffmpeg", lookup)).toThrow(
      /FFMPEG_PATH is set to "\/opt\/missing\/ffmpeg", which is not an executable file/,
    );
  });

  it("says what to do when nothing provides the tool", () => {
    const lookup = machine({ PATH: "/usr/bin" }, []);
    expect(() => resolveMediaTool("ffprobe", lookup)).toThrow(
      /ffprobe was not found: run npm install \(the @ffprobe-installer\/ffprobe package ships one\), put ffprobe on PATH or set FFPROBE_PATH/,
    );
    const notExecutable = machine({ PATH: "/usr/bin" }, [], PACKAGED);
    expect(() => resolveMediaTool("ffmpeg", notExecutable)).toThrow(/is not executable: chmod u\+x/);
  });

  it("describes where the binary came from", () => {
    expect(describeMediaTool({ tool: "ffmpeg", path: PACKAGED, source: "package" })).toBe(
      `ffmpeg: ${PACKAGED} (from the npm package @ffmpeg-installer/ffmpeg)`,
    );
    expect(describeMediaTool({ tool: "ffprobe", path: "/x/ffprobe", source: "env" })).toBe("ffprobe: /x/ffprobe (from FFPROBE_PATH)");
  });

  it("finds the installed npm packages' binaries, and they run", () => {
    const real = machineToolLookup();
    for (const tool of ["ffmpeg", "ffprobe"] as const) {
      const resolved = resolveMediaTool(tool, { ...real, env: { PATH: "" } });
      expect(resolved.source).toBe("package");
      expect(execFileSync(resolved.path, ["-version"], { encoding: "utf8" })).toMatch(new RegExp(`^${tool} version`));
    }
  });
});
