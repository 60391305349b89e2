import { realpath } from "node:fs/promises";
import path from "node:path";

/**
 * Turns a user-facing relative media path into an absolute path that is guaranteed to stay inside
 * `root`, or returns null. Refuses: empty paths, NUL bytes, absolute paths (POSIX, UNC or with a
 * drive letter), any ".." segment (even one that would stay inside), backslashes, and symbolic
 * links that lead outside the root (checked with realpath on the target, or on its deepest
 * existing ancestor when the target does not exist yet, e.g. an output file). The root itself is
 * not a valid answer.
 */
export async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  if (typeof relativePath !== "string" || !isPlainRelative(relativePath)) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const lexical = path.resolve(realRoot, relativePath);
  if (!isStrictlyInside(realRoot, lexical)) return null;
  const real = await realpathOfExistingPart(lexical);
  if (real === null || !isStrictlyInside(realRoot, real)) return null;
  return real;
}

function isPlainRelative(candidate: string): boolean {
  if (candidate.length === 0 || candidate.includes("\0") || candidate.includes("\\")) return false;
  if (path.isAbsolute(candidate) || /^[A-Za-z]:/.test(candidate)) return false;
  return !candidate.split("/").includes("..");
}

function isStrictlyInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== "" && !relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative);
}

/**
 * realpath of `target`; when it does not exist, realpath of its deepest existing ancestor with
 * the missing tail appended (a symlinked ancestor is followed, a missing tail cannot be a link).
 */
async function realpathOfExistingPart(target: string): Promise<string | null> {
  let existing = target;
  const missing: string[] = [];
  for (;;) {
    try {
      const real = await realpath(existing);
      return missing.length === 0 ? real : path.join(real, ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return null;
      const parent = path.dirname(existing);
      if (parent === existing) return null;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}
