import { createRequire } from "node:module";
import path from "node:path";
import { isExecutableFile } from "@/lib/config/executable-file";
import { MediaError } from "./errors";

export type MediaTool = "ffmpeg" | "ffprobe";

/** Where a binary came from: its override variable, the system PATH, or the npm package. */
type MediaToolSource = "env" | "path" | "package";

export interface ResolvedMediaTool {
  tool: MediaTool;
  path: string;
  source: MediaToolSource;
}

/** What resolution reads from the machine; tests pass their own. */
export interface MediaToolLookup {
  env: Readonly<Record<string, string | undefined>>;
  isExecutableFile: (filePath: string) => boolean;
  /** The binary the npm package ships for this platform, if the package is installed. */
  packageBinary: (tool: MediaTool) => string | undefined;
}

export const MEDIA_TOOL_ENV: Record<MediaTool, string> = { ffmpeg: "FFMPEG_PATH", ffprobe: "FFPROBE_PATH" };
const MEDIA_TOOL_PACKAGE: Record<MediaTool, string> = { ffmpeg: "@ffmpeg-installer/ffmpeg", ffprobe: "@ffprobe-installer/ffprobe" };

/**
 * Finds ffmpeg or ffprobe: FFMPEG_PATH / FFPROBE_PATH when set (a path, or a name looked up on
 * PATH), else the system binary on PATH, else the static build the npm package ships. An override
 * that points at nothing is an error, never silently skipped.
 */
export function resolveMediaTool(tool: MediaTool, lookup: MediaToolLookup = machineToolLookup()): ResolvedMediaTool {
  const variable = MEDIA_TOOL_ENV[tool];
  const override = lookup.env[variable];
  if (override !== undefined && override !== "") {
    const found = override.includes("/") ? path.resolve(override) : findOnPath(override, lookup);
    if (found === undefined || !lookup.isExecutableFile(found)) {
      throw new MediaError("tool-missing", `${variable} is set to "${override}", which is not an executable file: fix it or unset it`);
    }
    return { tool, path: found, source: "env" };
  }
  const onPath = findOnPath(tool, lookup);
  if (onPath !== undefined) return { tool, path: onPath, source: "path" };
  const packaged = lookup.packageBinary(tool);
  if (packaged !== undefined && lookup.isExecutableFile(packaged)) return { tool, path: packaged, source: "package" };
  throw new MediaError(
    "tool-missing",
    packaged === undefined
      ? `${tool} was not found: run npm install (the ${MEDIA_TOOL_PACKAGE[tool]} package ships one), put ${tool} on PATH or set ${variable}`
      : `${tool} from ${MEDIA_TOOL_PACKAGE[tool]} is not executable: chmod u+x ${packaged}, or set ${variable}`,
  );
}

/** The binary to spawn for `tool` (see resolveMediaTool). */
export function mediaToolPath(tool: MediaTool): string {
  return resolveMediaTool(tool).path;
}

/** One line for logs: which binary is used and why. */
export function describeMediaTool(resolved: ResolvedMediaTool): string {
  const why = {
    env: `from ${MEDIA_TOOL_ENV[resolved.tool]}`,
    path: "from PATH",
    package: `from the npm package ${MEDIA_TOOL_PACKAGE[resolved.tool]}`,
  };
  return `${resolved.tool}: ${resolved.path} (${why[resolved.source]})`;
}

function findOnPath(name: string, lookup: MediaToolLookup): string | undefined {
  for (const dir of (lookup.env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (lookup.isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** This machine: the process environment, its file system and the installed npm packages. */
export function machineToolLookup(): MediaToolLookup {
  return { env: process.env, isExecutableFile, packageBinary };
}

function packageBinary(tool: MediaTool): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    // The packages pick the binary for this platform and architecture; they throw when they have none.
    // Literal names, so that bundlers (Next.js) see them and leave them external.
    const installed: unknown = tool === "ffmpeg" ? require("@ffmpeg-installer/ffmpeg") : require("@ffprobe-installer/ffprobe");
    const binary = (installed as { path?: unknown } | null)?.path;
    return typeof binary === "string" ? binary : undefined;
  } catch {
    return undefined;
  }
}
