import { open } from "node:fs/promises";

/**
 * Whether an MP4/MOV file has its `moov` atom before `mdat` ("faststart"), so a browser can start
 * playing before it has fetched the end of the file. Walks the top-level atoms' headers only.
 * Returns false for files that are not ISO-BMFF or where `mdat` comes first.
 */
export async function hasFaststart(filePath: string): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    for (let atoms = 0; atoms < 64 && offset + 8 <= size; atoms += 1) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      const type = header.toString("latin1", 4, 8);
      if (type === "moov") return true;
      if (type === "mdat") return false;
      const atomSize = atomLength(header, bytesRead, size - offset);
      if (atomSize === null) return false;
      offset += atomSize;
    }
    return false;
  } finally {
    await handle.close();
  }
}

function atomLength(header: Buffer, bytesRead: number, remaining: number): number | null {
  const short = header.readUInt32BE(0);
  if (short === 0) return remaining; // the atom runs to the end of the file
  if (short === 1) {
    if (bytesRead < 16) return null;
    const long = Number(header.readBigUInt64BE(8));
    return long >= 16 ? long : null;
  }
  return short >= 8 ? short : null;
}
