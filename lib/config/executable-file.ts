import { accessSync, constants, statSync } from "node:fs";

/** A regular file this process may execute (a directory or a missing path is not). */
export function isExecutableFile(filePath: string): boolean {
  try {
    accessSync(filePath, constants.X_OK);
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}
