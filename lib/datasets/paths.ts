import path from "node:path";

const UNSAFE_RELATIVE_PATH = /\0|\\|^\/|^[A-Za-z]:|(^|\/)\.\.?(\/|$)|\/\/|\/$/;

/**
 * A media path as importers emit it: relative, "/"-separated, no empty, "." or ".." segments,
 * no backslashes, no NUL, no drive letter. Anything else is refused, never "fixed".
 */
export function isSafeRelativePath(candidate: string): boolean {
  return candidate.length > 0 && candidate.length <= 1024 && !UNSAFE_RELATIVE_PATH.test(candidate);
}

/** True when `name` can be one path segment (a file or folder name) on its own. */
export function isSafePathSegment(name: string): boolean {
  return isSafeRelativePath(name) && !name.includes("/");
}

/** Joins relative segments with "/" (media paths are stored POSIX-style on every platform). */
export function joinMediaPath(...segments: string[]): string {
  return segments.filter((segment) => segment.length > 0).join("/");
}

/** The name errors use for a source file: its base name unless the caller gives one. */
export function displayNameOf(filePath: string, displayName?: string): string {
  return displayName ?? path.basename(filePath);
}
