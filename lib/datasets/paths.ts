import path from "node:path";
import { importRoots } from "@/lib/config/media-root";

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

/** The name errors use for a source file: the caller's, else as importFileName names it. */
export function displayNameOf(filePath: string, displayName?: string): string {
  return displayName ?? importFileName(filePath);
}

/**
 * A file as import errors and the audit log name it: relative to the import root it lies under (an
 * upload by its own name, without the upload folder), else its base name — never an absolute path.
 */
export function importFileName(filePath: string, roots: readonly string[] = importRoots()): string {
  const absolute = path.resolve(filePath);
  for (const root of roots) {
    const relative = path.relative(root, absolute);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    const segments = relative.split(path.sep);
    return (segments[0] === "uploads" && segments.length > 2 ? segments.slice(2) : segments).join("/");
  }
  return path.basename(absolute);
}

/** A message (an unexpected error's) with the import roots' absolute paths taken out of it. */
export function withoutImportRoots(message: string, roots: readonly string[] = importRoots()): string {
  let text = message;
  for (const root of [...roots].sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`${escapeRegExp(root)}/uploads/[^/\\s'"]+/`, "g"), "").replaceAll(`${root}/`, "");
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
