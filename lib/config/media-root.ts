import path from "node:path";
import { dataDir } from "./paths";

/**
 * The media store: every Video.sourcePath, mediaPath and posterPath is relative to this folder.
 * `<VSTAR_DATA_DIR>/media` unless VSTAR_MEDIA_ROOT points elsewhere (a large disk or a shared
 * mount holding the datasets' clips); the web app, workers and the import CLI must agree on it.
 */
export function mediaRoot(): string {
  const configured = process.env.VSTAR_MEDIA_ROOT;
  return configured ? path.resolve(configured) : path.join(dataDir(), "media");
}

/**
 * Folders the web app may read annotation files from when a researcher names a server path
 * (IMPORT_ROOTS, separated by the platform's path delimiter); `<VSTAR_DATA_DIR>/imports` by default.
 * Uploaded files are kept under the first one.
 */
export function importRoots(): string[] {
  const configured = (process.env.IMPORT_ROOTS ?? "")
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return configured.length > 0 ? configured.map((entry) => path.resolve(entry)) : [path.join(dataDir(), "imports")];
}
