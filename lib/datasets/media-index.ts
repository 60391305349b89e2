import { readdir } from "node:fs/promises";
import path from "node:path";
import { FatalImportError } from "./errors";

/**
 * Answers "does this file exist under the media root?" for many paths with one `readdir` per
 * folder instead of one `stat` per file (a 545k-clip Kinetics folder is listed once).
 * Paths must already be safe relative paths (see `isSafeRelativePath`).
 */
export class MediaIndex {
  private readonly listings = new Map<string, Promise<Map<string, "file" | "dir"> | null>>();

  constructor(private readonly mediaRoot: string) {}

  async hasFile(relativePath: string): Promise<boolean> {
    return (await this.entryType(relativePath)) === "file";
  }

  async hasDirectory(relativePath: string): Promise<boolean> {
    return (await this.entryType(relativePath)) === "dir";
  }

  /** Names of the files (not folders) directly inside a folder, sorted; empty when absent. */
  async filesIn(relativeDir: string): Promise<string[]> {
    const listing = await this.listing(relativeDir);
    if (listing === null) return [];
    return [...listing]
      .filter(([, type]) => type === "file")
      .map(([name]) => name)
      .sort();
  }

  private async entryType(relativePath: string): Promise<"file" | "dir" | null> {
    const slash = relativePath.lastIndexOf("/");
    const dir = slash === -1 ? "" : relativePath.slice(0, slash);
    const name = relativePath.slice(slash + 1);
    const listing = await this.listing(dir);
    return listing?.get(name) ?? null;
  }

  private listing(relativeDir: string): Promise<Map<string, "file" | "dir"> | null> {
    let pending = this.listings.get(relativeDir);
    if (pending === undefined) {
      pending = readListing(path.join(this.mediaRoot, relativeDir));
      this.listings.set(relativeDir, pending);
    }
    return pending;
  }
}

async function readListing(absoluteDir: string): Promise<Map<string, "file" | "dir"> | null> {
  try {
    const entries = await readdir(absoluteDir, { withFileTypes: true });
    const listing = new Map<string, "file" | "dir">();
    for (const entry of entries) {
      if (entry.isFile() || entry.isSymbolicLink()) listing.set(entry.name, "file");
      else if (entry.isDirectory()) listing.set(entry.name, "dir");
    }
    return listing;
  } catch {
    return null;
  }
}

/** The index an importer checks media with, or null when `checkMedia` is off. */
export function mediaIndexFor(options: { checkMedia?: boolean; mediaRoot?: string }, file: string): MediaIndex | null {
  if (options.checkMedia !== true) return null;
  if (options.mediaRoot === undefined) {
    throw new FatalImportError({ file, field: "mediaRoot", reason: "checkMedia needs a media root" });
  }
  return new MediaIndex(options.mediaRoot);
}
