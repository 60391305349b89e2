import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, wherever the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Everything the product keeps on this machine (database, media, exports) lives under here. */
export function dataDir(): string {
  return path.resolve(projectRoot, process.env.VSTAR_DATA_DIR ?? ".data");
}
