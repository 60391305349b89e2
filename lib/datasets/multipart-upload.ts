import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { Busboy } from "@fastify/busboy";
import { invalidInput } from "@/lib/errors/domain-error";
import { bodyTooLarge, refuseDeclaredLength } from "@/lib/http/request-body";

/** One uploaded file, as kept on disk. */
export interface SavedUpload {
  /** The form field it came in ("file", "mapping"). */
  field: string;
  /** Its name as kept: the base name, made safe (see safeUploadName). */
  name: string;
  path: string;
  bytes: number;
}

export interface ReceivedMultipart {
  fields: Record<string, string>;
  files: SavedUpload[];
  /** The folder the files were written to; remove it when the request fails afterwards. */
  folder: string;
}

export interface MultipartLimits {
  /** All files together. */
  maxBytes: number;
  maxFiles?: number;
  /** Each text field. */
  maxFieldBytes?: number;
}

/** Room for boundaries, part headers and the text fields beside the files. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * Reads a multipart/form-data request as it arrives, writing each file straight to disk under
 * `folder` (files of field `f` other than `mainField` go in a subfolder named `f`), so the web
 * server holds no more than a few chunks of it at a time. The size limit applies while streaming:
 * past `maxBytes` the request stops being read, what was written is removed, and the answer is 413.
 * A file part with no name or no bytes (a file input left empty) is skipped.
 */
export async function receiveMultipart(
  request: Request,
  folder: string,
  limits: MultipartLimits,
  mainField = "file",
): Promise<ReceivedMultipart> {
  refuseDeclaredLength(request, limits.maxBytes + FORM_OVERHEAD_BYTES, "The upload");
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body) throw invalidInput("the upload is empty");
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      // No per-file size limit here: past it busboy would skip the rest of the body as fast as it
      // comes (reading it all); the bytes are counted on their way to disk instead, and reading stops.
      limits: { files: limits.maxFiles ?? 20, fieldSize: limits.maxFieldBytes ?? 64 * 1024, fields: 50 },
    });
  } catch {
    throw invalidInput("the upload could not be read: it is not multipart/form-data with a boundary");
  }
  const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  const fields: Record<string, string> = {};
  const files: SavedUpload[] = [];
  const writes: Promise<void>[] = [];
  const names = new Set<string>();
  let total = 0;
  let failure: Error | null = null;

  const received = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      source.unpipe(parser);
      source.destroy();
      reject(error);
    };
    parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) fail(invalidInput(`${name}: the value is too long`));
      else fields[name] = value;
    });
    parser.on("file", (field, stream, givenName: string | undefined) => {
      const filename = givenName ?? "";
      const name = safeUploadName(filename);
      const relative = field === mainField ? name : path.join(field, name);
      if (failure || filename === "" || !/^[A-Za-z0-9_-]{1,40}$/.test(field)) {
        stream.resume();
        return;
      }
      if (names.has(relative)) {
        stream.resume();
        fail(invalidInput(`two uploaded files are named ${name}`));
        return;
      }
      names.add(relative);
      const target = path.join(folder, relative);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          total += chunk.length;
          if (total > limits.maxBytes) done(bodyTooLarge(limits.maxBytes, "The upload"));
          else done(null, chunk);
        },
      });
      writes.push(
        mkdir(path.dirname(target), { recursive: true })
          .then(() => pipeline(stream, counter, createWriteStream(target, { flags: "wx" })))
          .then(async () => {
            const { size } = await stat(target);
            if (size === 0) await rm(target, { force: true });
            else files.push({ field, name, path: target, bytes: size });
          })
          .catch((error: unknown) => {
            stream.resume();
            fail(error instanceof Error ? error : new Error(String(error)));
          }),
      );
    });
    parser.on("filesLimit", () => fail(invalidInput(`at most ${limits.maxFiles ?? 20} files can be uploaded at once`)));
    parser.on("error", (error) =>
      fail(invalidInput(`the upload could not be read (${error instanceof Error ? error.message : String(error)})`)),
    );
    parser.on("finish", () => {
      void Promise.all(writes).then(() => (failure ? undefined : resolve()));
    });
    source.on("error", (error) => fail(invalidInput(`the upload was interrupted (${error.message})`)));
  });
  await mkdir(folder, { recursive: true });
  source.pipe(parser);
  try {
    await received;
  } catch (error) {
    await Promise.allSettled(writes);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { fields, files, folder };
}

/** A new folder for one request's uploads: `<root>/uploads/<date>-<random>`. */
export function newUploadFolder(root: string): string {
  return path.join(root, "uploads", `${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString("hex")}`);
}

/** A file name fit to keep: its base name, with anything but letters, digits, ".", "-" and "_" replaced. */
export function safeUploadName(name: string): string {
  const base = path
    .basename(name.replaceAll("\\", "/"))
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "");
  return base === "" ? "upload" : base.slice(0, 200);
}
