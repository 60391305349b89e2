import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, expect, test } from "vitest";
import { mediaRoot } from "@/lib/config/media-root";
import { zipFiles } from "@/lib/cycles/exports/zip-files";
import { createRunWithCycles, uniqueTag } from "@/lib/cockpit/testing/cockpit-fixtures";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { GET as DOWNLOAD } from "./[id]/download/route";
import { GET, POST } from "./route";

const ORIGIN = "http://localhost:3000";
let researcher: string;
let annotator: string;
let cycleId: number;
let tag: string;

beforeAll(async () => {
  researcher = await sessionCookieFor("RESEARCHER");
  annotator = await sessionCookieFor("ANNOTATOR");
  tag = uniqueTag("exports");
  cycleId = (await createRunWithCycles(tag, 1)).cycleIds[0]!;
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

const call = (cookie: string, url: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${url}`, { ...init, headers: { cookie, origin: ORIGIN, "content-type": "application/json", ...init.headers } });
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function exportWithFile(lines: string[]) {
  const relative = path.posix.join("exports", tag, `export-${Math.random().toString(36).slice(2, 8)}`, "generations.jsonl");
  await mkdir(path.dirname(path.join(mediaRoot(), relative)), { recursive: true });
  await writeFile(path.join(mediaRoot(), relative), lines.map((line) => `${line}\n`).join(""));
  return prisma().export.create({
    data: { cycleId, format: "JSONL", status: "DONE", storagePath: relative, rowCount: lines.length, sizeBytes: 10n },
    select: { id: true },
  });
}

test("a finished export streams as an attachment, found by its id alone", async () => {
  const { id } = await exportWithFile(['{"id":1}', '{"id":2}']);
  const response = await DOWNLOAD(call(researcher, `/api/exports/${id}/download`), idParams(id));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vstar-cycle-${cycleId}-export-${id}-generations.jsonl"`);
  expect(response.headers.get("content-type")).toBe("application/x-ndjson");
  const text = await response.text();
  expect(
    text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: number }),
  ).toEqual([{ id: 1 }, { id: 2 }]);

  const ranged = await DOWNLOAD(call(researcher, `/api/exports/${id}/download`, { headers: { range: "bytes=0-7" } }), idParams(id));
  expect(ranged.status).toBe(206);
  expect(await ranged.text()).toBe('{"id":1}');

  expect((await DOWNLOAD(call(annotator, `/api/exports/${id}/download`), idParams(id))).status).toBe(403);
});

test("an export not finished, missing, or pointing outside the media store is not served", async () => {
  const queued = await prisma().export.create({ data: { cycleId, format: "JSONL" }, select: { id: true } });
  expect((await DOWNLOAD(call(researcher, "/x"), idParams(queued.id))).status).toBe(409);
  expect((await DOWNLOAD(call(researcher, "/x"), idParams(2_000_000_000))).status).toBe(404);
  const escaping = await prisma().export.create({
    data: { cycleId, format: "JSONL", status: "DONE", storagePath: "../../../etc/passwd" },
    select: { id: true },
  });
  const refused = await DOWNLOAD(call(researcher, "/x"), idParams(escaping.id));
  expect(refused.status).toBe(500);
  expect(await refused.text()).not.toContain("root:");
  const gone = await prisma().export.create({
    data: { cycleId, format: "JSONL", status: "DONE", storagePath: `exports/${tag}/never-written.jsonl` },
    select: { id: true },
  });
  expect((await DOWNLOAD(call(researcher, "/x"), idParams(gone.id))).status).toBe(410);
});

test("the list shows progress and which exports can be downloaded", async () => {
  const { id } = await exportWithFile(['{"id":3}']);
  const { exports } = (await (await GET(call(researcher, `/api/exports?cycleId=${cycleId}`), { params: Promise.resolve({}) })).json()) as {
    exports: { id: number; downloadable: boolean; cycleLabel: string }[];
  };
  expect(exports.find((row) => row.id === id)).toMatchObject({ downloadable: true, cycleLabel: `${tag}-run · cycle 1` });
  expect(exports.every((row) => typeof row.downloadable === "boolean")).toBe(true);
});

test("creating an export names what is wrong with the request", async () => {
  const bad = await POST(call(researcher, "/api/exports", { method: "POST", body: JSON.stringify({ format: "PDF" }) }), {
    params: Promise.resolve({}),
  });
  expect(bad.status).toBe(400);
  const { details } = (await bad.json()) as { details: { issues: { field: string }[] } };
  expect(details.issues.map((issue) => issue.field).sort()).toEqual(["body.cycleId", "body.format"]);
  const missing = await POST(
    call(researcher, "/api/exports", { method: "POST", body: JSON.stringify({ cycleId: 2_000_000_000, format: "JSONL" }) }),
    { params: Promise.resolve({}) },
  );
  expect(missing.status).toBe(404);
});

test("a LLaMA-Factory download is served as the zip it is", async () => {
  const folder = path.posix.join("exports", tag, `export-${Math.random().toString(36).slice(2, 8)}`);
  const info = path.join(mediaRoot(), folder, "dataset_info.json");
  await mkdir(path.dirname(info), { recursive: true });
  await writeFile(info, "{}\n");
  await zipFiles(path.join(mediaRoot(), folder, "vstar_c1.zip"), [{ name: "vstar_c1/dataset_info.json", path: info }]);
  const { id } = await prisma().export.create({
    data: { cycleId, format: "LLAMA_FACTORY", status: "DONE", storagePath: `${folder}/vstar_c1.zip`, rowCount: 0, sizeBytes: 10n },
    select: { id: true },
  });
  const response = await DOWNLOAD(call(researcher, `/api/exports/${id}/download`), idParams(id));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vstar-cycle-${cycleId}-export-${id}-vstar_c1.zip"`);
  expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toEqual(["vstar_c1/dataset_info.json"]);
});

test("a video folder that climbs out with .. is refused beside its field", async () => {
  const response = await POST(
    call(researcher, "/api/exports", {
      method: "POST",
      body: JSON.stringify({ cycleId, format: "LLAMA_FACTORY", videoFolder: "clips/../../etc" }),
    }),
    { params: Promise.resolve({}) },
  );
  expect(response.status).toBe(400);
  const { details } = (await response.json()) as { details: { issues: { field: string; message: string }[] } };
  expect(details.issues).toEqual([{ field: "body.videoFolder", message: "must not go up with .." }]);
});

test("a LLaMA-Factory export stored as its data file (the cycle's training set) downloads as a zip with its dataset_info.json", async () => {
  const folder = path.posix.join("exports", tag, `export-${Math.random().toString(36).slice(2, 8)}`);
  const directory = path.join(mediaRoot(), folder);
  await mkdir(directory, { recursive: true });
  const data = '[{"messages":[],"videos":["/cluster/media/a.mp4"]}]\n';
  await writeFile(path.join(directory, "vstar_c7.json"), data);
  await writeFile(path.join(directory, "dataset_info.json"), '{"vstar_c7":{"file_name":"vstar_c7.json"}}\n');
  const { id } = await prisma().export.create({
    data: {
      cycleId,
      format: "LLAMA_FACTORY",
      status: "DONE",
      storagePath: `${folder}/vstar_c7.json`,
      filters: { purpose: "training" },
      rowCount: 1,
      sizeBytes: 10n,
    },
    select: { id: true },
  });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // The second download serves the zip the first one made.
    const response = await DOWNLOAD(call(researcher, `/api/exports/${id}/download`), idParams(id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vstar-cycle-${cycleId}-export-${id}-vstar_c7.zip"`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(["vstar_c7/README.md", "vstar_c7/dataset_info.json", "vstar_c7/vstar_c7.json"]);
    expect(new TextDecoder().decode(files["vstar_c7/vstar_c7.json"])).toBe(data);
  }
});

test("DPO exports: only research roles may ask for one or download it; it downloads as the zip it was written as", async () => {
  const refused = await POST(
    call(annotator, "/api/exports", { method: "POST", body: JSON.stringify({ cycleId, format: "LLAMA_FACTORY_DPO" }) }),
    { params: Promise.resolve({}) },
  );
  expect(refused.status).toBe(403);
  const folder = path.posix.join("exports", tag, `export-${Math.random().toString(36).slice(2, 8)}`);
  const info = path.join(mediaRoot(), folder, "dataset_info.json");
  await mkdir(path.dirname(info), { recursive: true });
  await writeFile(info, '{"vstar_c1_dpo":{"ranking":true}}\n');
  await zipFiles(path.join(mediaRoot(), folder, "vstar_c1_dpo.zip"), [{ name: "vstar_c1_dpo/dataset_info.json", path: info }]);
  const { id } = await prisma().export.create({
    data: { cycleId, format: "LLAMA_FACTORY_DPO", status: "DONE", storagePath: `${folder}/vstar_c1_dpo.zip`, rowCount: 1, sizeBytes: 10n },
    select: { id: true },
  });
  expect((await DOWNLOAD(call(annotator, `/api/exports/${id}/download`), idParams(id))).status).toBe(403);
  const response = await DOWNLOAD(call(researcher, `/api/exports/${id}/download`), idParams(id));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vstar-cycle-${cycleId}-export-${id}-vstar_c1_dpo.zip"`);
  expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toEqual(["vstar_c1_dpo/dataset_info.json"]);
});
