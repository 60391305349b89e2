import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Zip, ZipDeflate } from "fflate";

/** One file of an archive: its name inside the archive (forward slashes) and where it is now. */
export interface ZipEntry {
  name: string;
  path: string;
}

/**
 * Writes a zip archive of the files, streamed (memory independent of their size): each file is
 * read in chunks, deflated and written out, waiting whenever the output falls behind.
 */
export async function zipFiles(zipPath: string, entries: readonly ZipEntry[]): Promise<number> {
  const out = createWriteStream(zipPath);
  let bytes = 0;
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      out.destroy(error);
      return;
    }
    bytes += chunk.length;
    out.write(chunk);
    if (final) out.end();
  });
  try {
    for (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      zip.add(file);
      for await (const chunk of createReadStream(entry.path)) {
        file.push(chunk as Buffer);
        if (failure) throw failure;
        if (out.writableNeedDrain) await once(out, "drain");
      }
      file.push(new Uint8Array(0), true);
    }
    zip.end();
  } catch (error) {
    // The output's own error is this one again: not a second, unhandled failure.
    finished.catch(() => {});
    out.destroy(error as Error);
    await rm(zipPath, { force: true });
    throw error;
  }
  await finished;
  return bytes;
}
