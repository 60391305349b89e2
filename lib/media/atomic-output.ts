import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Writes `dest` atomically: `produce` writes a temporary file beside it (same folder, so the
 * rename is atomic), which replaces `dest` only when `produce` succeeds. A killed or failed run
 * leaves no half-written `dest`; the temporary file is removed on failure.
 */
export async function writeAtomically(dest: string, produce: (tempPath: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true });
  const extension = path.extname(dest);
  const temp = path.join(path.dirname(dest), `.${path.basename(dest, extension)}.${randomBytes(6).toString("hex")}.tmp${extension}`);
  try {
    await produce(temp);
    await rename(temp, dest);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
