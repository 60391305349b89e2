import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";

/**
 * Streams records to a file as a JSON array or as JSON lines, into `<file>.partial` renamed into
 * place at the end, so a half-written export is never mistaken for a finished one.
 */
export class RecordFileWriter {
  private readonly stream: WriteStream;
  private count = 0;

  private constructor(
    readonly file: string,
    private readonly shape: "json-array" | "jsonl",
  ) {
    this.stream = createWriteStream(`${file}.partial`, { encoding: "utf8" });
  }

  static async open(file: string, shape: "json-array" | "jsonl"): Promise<RecordFileWriter> {
    await mkdir(path.dirname(file), { recursive: true });
    const writer = new RecordFileWriter(file, shape);
    if (shape === "json-array") await writer.write("[");
    return writer;
  }

  /** Records added so far. */
  get records(): number {
    return this.count;
  }

  async add(record: unknown): Promise<void> {
    const json = JSON.stringify(record);
    if (this.shape === "jsonl") await this.write(`${json}\n`);
    else await this.write(`${this.count === 0 ? "\n" : ",\n"}${json}`);
    this.count += 1;
  }

  /** Finishes the file; returns its record count and size in bytes. */
  async close(): Promise<{ records: number; bytes: number }> {
    if (this.shape === "json-array") await this.write(this.count === 0 ? "]\n" : "\n]\n");
    this.stream.end();
    await once(this.stream, "finish");
    await rename(`${this.file}.partial`, this.file);
    return { records: this.count, bytes: (await stat(this.file)).size };
  }

  private async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
}
