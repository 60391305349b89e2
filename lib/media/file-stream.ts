import { open, type FileHandle } from "node:fs/promises";

const CHUNK_BYTES = 256 * 1024;

/**
 * The bytes `start..end` (inclusive) of a file as a web ReadableStream, read on demand (the
 * consumer's pace sets the disk's). A cancelled stream — a browser aborting a request on every
 * seek — just closes the file: aborts are normal for video and are neither errors nor logged.
 */
export function fileByteStream(filePath: string, start: number, end: number): ReadableStream<Uint8Array> {
  let handle: FileHandle | null = null;
  let position = start;
  const close = async () => {
    const open = handle;
    handle = null;
    await open?.close().catch(() => {});
  };
  return new ReadableStream<Uint8Array>(
    {
      async start() {
        handle = await open(filePath, "r");
      },
      async pull(controller) {
        if (handle === null) return;
        const length = Math.min(CHUNK_BYTES, end - position + 1);
        if (length <= 0) {
          await close();
          controller.close();
          return;
        }
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        if (bytesRead === 0) {
          // The file shrank under us: end the body rather than hang; the client sees a short read.
          await close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
      },
      async cancel() {
        await close();
      },
    },
    { highWaterMark: 1 },
  );
}
