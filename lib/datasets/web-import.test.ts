import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isDomainError } from "@/lib/errors/domain-error";
import { readImportRequest } from "./web-import";

const MiB = 1024 * 1024;
const BOUNDARY = "----vstar-test-boundary";
let root: string;
const saved = process.env.IMPORT_ROOTS;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "web-import-"));
  process.env.IMPORT_ROOTS = root;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.IMPORT_ROOTS;
  else process.env.IMPORT_ROOTS = saved;
  await rm(root, { recursive: true, force: true });
});

/**
 * A multipart/form-data upload as a browser sends it — the import form's fields, then one CSV file
 * of `fileBytes` — made chunk by chunk as it is read; `pulled` counts the file's chunks taken.
 */
function streamedUpload(fileBytes: number, options: { declareLength?: boolean } = {}) {
  const encoder = new TextEncoder();
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = encoder.encode(
    field("format", "kinetics") +
      field("datasetName", "big upload") +
      field("checkMedia", "false") +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      "label,youtube_id,time_start,time_end,split\n",
  );
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const row = encoder.encode("playing drums,abcdefghijk,0,10,train\n");
  const chunk = new Uint8Array(MiB);
  for (let offset = 0; offset + row.length <= chunk.length; offset += row.length) chunk.set(row, offset);
  const chunks = Math.ceil(fileBytes / MiB);
  const seen = { pulled: 0 };
  let sentHead = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
      } else if (seen.pulled < chunks) {
        seen.pulled += 1;
        controller.enqueue(chunk.slice());
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  const headers = new Headers({ "content-type": `multipart/form-data; boundary=${BOUNDARY}` });
  if (options.declareLength) headers.set("content-length", String(head.length + chunks * MiB + tail.length));
  const request = new Request("http://localhost:3000/api/datasets/imports", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return { request, seen, chunks };
}

async function uploadsLeft(): Promise<string[]> {
  const folder = path.join(root, "uploads");
  const entries = await readdir(folder, { recursive: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) if ((await stat(path.join(folder, entry))).isFile()) files.push(entry);
  return files;
}

test("a 256 MiB upload streams to disk: the server's memory grows by a fraction of it", async () => {
  const { request } = streamedUpload(256 * MiB);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const options = await readImportRequest(request).finally(() => clearInterval(sampler));
  peak = Math.max(peak, process.memoryUsage().rss);
  expect((peak - before) / MiB).toBeLessThan(96);
  expect(options).toMatchObject({ format: "kinetics", displayName: "big.csv", datasetName: "big upload" });
  expect((await stat(options.file)).size).toBe(256 * MiB + "label,youtube_id,time_start,time_end,split\n".length);
  await rm(path.dirname(options.file), { recursive: true });
}, 120_000);

test("past the limit, reading stops while the upload streams, nothing is kept, and the answer is too-large", async () => {
  const { request, seen, chunks } = streamedUpload(64 * MiB);
  const refused = await readImportRequest(request, { maxUploadBytes: 4 * MiB }).catch((error: unknown) => error);
  expect(isDomainError(refused, "too-large")).toBe(true);
  expect((refused as Error).message).toBe("The upload is larger than the 4.0 MiB this request takes");
  expect(seen.pulled).toBeLessThan(chunks / 2);
  expect(await uploadsLeft()).toEqual([]);
});

test("an upload whose stated length is over the limit is refused before it is read", async () => {
  const { request, seen } = streamedUpload(64 * MiB, { declareLength: true });
  const refused = await readImportRequest(request, { maxUploadBytes: 4 * MiB }).catch((error: unknown) => error);
  expect(isDomainError(refused, "too-large")).toBe(true);
  expect(seen.pulled).toBe(0);
  expect(await uploadsLeft()).toEqual([]);
});

test("a small upload is kept whole under its safe name, beside a mapping in its own folder", async () => {
  const form = new FormData();
  form.set("format", "generic");
  form.set("datasetName", "small");
  form.set("checkMedia", "false");
  form.set("file", new File(["id,answer\n1,yes\n"], "../../my data.csv"));
  form.set("mapping", new File(['{"video":"id"}'], "my data.csv"));
  form.set("unused", new File([], ""));
  const options = await readImportRequest(new Request("http://localhost:3000/api/datasets/imports", { method: "POST", body: form }));
  expect(path.basename(options.file)).toBe("my_data.csv");
  expect(await readFile(options.file, "utf8")).toBe("id,answer\n1,yes\n");
  expect(options.mappingFile).toBe(path.join(path.dirname(options.file), "mapping", "my_data.csv"));
  expect(await readFile(options.mappingFile!, "utf8")).toBe('{"video":"id"}');
  await rm(path.dirname(options.file), { recursive: true });
});

test("a JSON import request larger than 1 MiB is refused as too large", async () => {
  const body = JSON.stringify({ format: "kinetics", datasetName: "x", description: "d".repeat(2 * MiB) });
  const refused = await readImportRequest(
    new Request("http://localhost:3000/api/datasets/imports", { method: "POST", headers: { "content-type": "application/json" }, body }),
  ).catch((error: unknown) => error);
  expect(isDomainError(refused, "too-large")).toBe(true);
});
