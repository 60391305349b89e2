import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFineDivingAnnotations } from "@/lib/datasets/finediving/fixtures/write-fixtures";
import { generateKineticsCsv } from "@/lib/datasets/kinetics/generate";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { handleImport } from "@/workers/datasets/import";
import { PATCH as patchTemplate } from "./[id]/templates/[templateId]/route";
import { GET as getTemplates } from "./[id]/templates/route";
import { GET as getVideos } from "./[id]/videos/route";
import { POST as postCancel } from "./imports/[id]/cancel/route";
import { GET as getImport } from "./imports/[id]/route";
import { GET as getImports, POST as postImport } from "./imports/route";

const BASE = "http://localhost:3000";
let dir: string;
let cookie: string;
const run = Date.now().toString(36);
const saved = { roots: process.env.IMPORT_ROOTS, media: process.env.VSTAR_MEDIA_ROOT, appUrl: process.env.APP_URL };
const context = { workerId: "test", jobId: "00000000-0000-4000-8000-000000000000", signal: new AbortController().signal };

beforeAll(async () => {
  dir = await makeTempDir("dataset-routes");
  await mkdir(path.join(dir, "imports"), { recursive: true });
  await mkdir(path.join(dir, "store"), { recursive: true });
  process.env.IMPORT_ROOTS = path.join(dir, "imports");
  process.env.VSTAR_MEDIA_ROOT = path.join(dir, "store");
  process.env.APP_URL = BASE;
  cookie = await sessionCookieFor("RESEARCHER");
}, 60_000);

afterAll(async () => {
  for (const [key, value] of [
    ["IMPORT_ROOTS", saved.roots],
    ["VSTAR_MEDIA_ROOT", saved.media],
    ["APP_URL", saved.appUrl],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await stopProcessBoss();
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

function post(body: BodyInit, contentType?: string): Promise<Response> {
  const headers = new Headers({ cookie, origin: BASE });
  if (contentType) headers.set("content-type", contentType);
  return postImport(new Request(`${BASE}/api/datasets/imports`, { method: "POST", headers, body }), { params: Promise.resolve({}) });
}

async function importRow(id: number) {
  const response = await getImport(new Request(`${BASE}/api/datasets/imports/${id}`, { headers: { cookie } }), {
    params: Promise.resolve({ id: String(id) }),
  });
  expect(response.status).toBe(200);
  return (
    (await response.json()) as {
      import: {
        status: string;
        datasetId: number | null;
        recordsRead: number;
        videosCreated: number;
        sourceName: string;
        jobId: string | null;
        errorCount: number;
      };
    }
  ).import;
}

describe("POST /api/datasets/imports", () => {
  it("queues an import of a server file under an import root; the worker's job imports it and queues the ingest", async () => {
    await generateKineticsCsv(path.join(dir, "imports", "k700_val.csv"), 30, 4);
    const name = `route import ${run}`;
    const response = await post(
      JSON.stringify({ format: "kinetics700", datasetName: name, serverPath: "k700_val.csv", checkMedia: false }),
      "application/json",
    );
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: number };
    const queued = await importRow(importId);
    expect(queued).toMatchObject({ status: "QUEUED", sourceName: "k700_val.csv" });
    const { rows: jobs } = await pool().query<{ data: unknown }>(`SELECT data FROM pgboss.job WHERE name = 'dataset-import' AND id = $1`, [
      queued.jobId,
    ]);
    expect(jobs).toEqual([{ data: { importId } }]);

    expect(await handleImport({ importId }, context)).toEqual({ status: "SUCCEEDED", recordsRead: 30, errorCount: 0, ingestJobs: 1 });
    expect(await importRow(importId)).toMatchObject({ status: "SUCCEEDED", recordsRead: 30, videosCreated: 30 });
    // A redelivered job changes nothing.
    expect((await handleImport({ importId }, context)).status).toBe("SUCCEEDED");
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1`,
      [name],
    );
    expect(rows[0]!.n).toBe(30);
  });

  it("takes an uploaded file, kept under the import root with its name", async () => {
    const form = new FormData();
    form.set("format", "kinetics");
    form.set("datasetName", `route upload ${run}`);
    form.set("checkMedia", "false");
    form.set(
      "file",
      new File(["label,youtube_id,time_start,time_end,split\nplaying drums,abcdefghijk,0,10,train\n"], "../../my file.csv", {
        type: "text/csv",
      }),
    );
    const response = await post(form);
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: number };
    expect((await importRow(importId)).sourceName).toBe("my_file.csv");
    const { rows } = await pool().query<{ file: string }>(`SELECT options->>'file' AS file FROM "DatasetImport" WHERE id = $1`, [importId]);
    expect(rows[0]!.file.startsWith(path.join(dir, "imports", "uploads") + path.sep)).toBe(true);
    expect(path.basename(rows[0]!.file)).toBe("my_file.csv");
  });

  it("takes FineDiving's annotation set as several uploaded files, or as a folder on the server, and merges its dives", async () => {
    const dives = [
      { event: "RouteEvent", index: 0, actionType: "105b", difficulty: 3, judgeScores: [8, 8.5, 7.5, 8, 9, 8, 7.5] },
      { event: "RouteEvent", index: 1, actionType: "407c", difficulty: 3.4, judgeScores: [8.5, 9, 8.5, 8, 8.5], split: "test" as const },
    ].map((dive) => ({
      ...dive,
      steps: [
        { name: "Inward", frames: 3 },
        { name: "3.5 Soms.Tuck", frames: 5 },
        { name: "Entry", frames: 2 },
      ],
    }));
    const paths = await writeFineDivingAnnotations(path.join(dir, "imports", "FineDiving"), dives);

    const form = new FormData();
    form.set("format", "finediving");
    form.set("datasetName", `route finediving upload ${run}`);
    form.set("checkMedia", "false");
    for (const file of [paths.splits.train, paths.coarse, paths.fineGrained, paths.subActionTable, paths.splits.test]) {
      form.append("file", new File([await readFile(file)], path.basename(file)));
    }
    const uploaded = await post(form);
    expect(uploaded.status).toBe(202);
    const fromServer = await post(
      JSON.stringify({ format: "finediving", datasetName: `route finediving folder ${run}`, serverPath: "FineDiving", checkMedia: false }),
      "application/json",
    );
    expect(fromServer.status).toBe(202);

    for (const response of [uploaded, fromServer]) {
      const { importId } = (await response.json()) as { importId: number };
      expect(await handleImport({ importId }, context)).toMatchObject({ status: "SUCCEEDED", recordsRead: 2, errorCount: 0 });
      const row = await importRow(importId);
      expect(row.sourceName).toMatch(/^FineDiving_(coarse|fine-grained)_annotation\.pkl$/);
      const { rows } = await pool().query<{ split: string; judges: number; actions: number; questions: number }>(
        `SELECT v.split, jsonb_array_length(l.value->'judge_scores')::int AS judges, jsonb_array_length(l.value->'sub_actions')::int AS actions,
                (SELECT count(*)::int FROM "Question" q WHERE q."videoId" = v.id) AS questions
           FROM "Video" v JOIN "Label" l ON l."videoId" = v.id AND l.key = 'dive' WHERE v."datasetId" = $1 ORDER BY v.key`,
        [row.datasetId],
      );
      expect(rows).toEqual([
        { split: "train", judges: 7, actions: 3, questions: 5 },
        { split: "test", judges: 5, actions: 3, questions: 5 },
      ]);
    }
  });

  it("cancels a queued import: it ends failed with who cancelled it, its job does nothing, and it cannot be cancelled twice", async () => {
    await generateKineticsCsv(path.join(dir, "imports", "k700_cancel.csv"), 10, 6);
    const name = `route cancel ${run}`;
    const response = await post(
      JSON.stringify({ format: "kinetics700", datasetName: name, serverPath: "k700_cancel.csv", checkMedia: false }),
      "application/json",
    );
    const { importId } = (await response.json()) as { importId: number };
    const cancel = () =>
      postCancel(new Request(`${BASE}/api/datasets/imports/${importId}/cancel`, { method: "POST", headers: { cookie, origin: BASE } }), {
        params: Promise.resolve({ id: String(importId) }),
      });
    expect((await cancel()).status).toBe(200);
    expect(await importRow(importId)).toMatchObject({ status: "FAILED", errorCount: 1 });
    expect((await cancel()).status).toBe(409);
    expect(await handleImport({ importId }, context)).toMatchObject({ status: "FAILED", recordsRead: 0 });
    const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dataset" WHERE name = $1`, [name]);
    expect(rows[0]!.n).toBe(0);
  });

  it("refuses server paths outside the import roots, a media folder outside the store, and bad fields, writing nothing", async () => {
    await writeFile(path.join(dir, "outside.csv"), "label,youtube_id,time_start,time_end,split\n");
    await symlink(path.join(dir, "outside.csv"), path.join(dir, "imports", "link.csv"));
    const attempts: [Record<string, unknown>, RegExp][] = [
      [{ serverPath: "/etc/passwd" }, /not a file under an allowed import folder/],
      [{ serverPath: "../outside.csv" }, /not a file under an allowed import folder/],
      [{ serverPath: path.join(dir, "imports", "..", "outside.csv") }, /not a file under an allowed import folder/],
      [{ serverPath: "link.csv" }, /not a file under an allowed import folder/],
      [{ serverPath: "k700_val.csv", mediaFolder: "../.." }, /mediaFolder/],
      [{ serverPath: "k700_val.csv", format: "youtube8m" }, /format: must be kinetics700/],
      [{ serverPath: "k700_val.csv", format: "generic" }, /mapping/],
    ];
    const { rows: before } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "DatasetImport"`);
    for (const [fields, message] of attempts) {
      const response = await post(
        JSON.stringify({ format: "kinetics700", datasetName: `refused ${run}`, checkMedia: false, ...fields }),
        "application/json",
      );
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    const { rows: after } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "DatasetImport"`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
  it("lists the import history newest first, a page at a time", async () => {
    const page = async (query: string) => {
      const response = await getImports(new Request(`${BASE}/api/datasets/imports?${query}`, { headers: { cookie } }), {
        params: Promise.resolve({}),
      });
      expect(response.status, query).toBe(200);
      return (await response.json()) as { imports: { id: number }[]; nextCursor: number | null };
    };
    const first = await page("limit=1");
    expect(first.imports).toHaveLength(1);
    expect(first.nextCursor).toBe(first.imports[0]!.id);
    const second = await page(`limit=1&cursor=${first.nextCursor}`);
    expect(second.imports).toHaveLength(1);
    expect(second.imports[0]!.id).toBeLessThan(first.imports[0]!.id);
    expect((await page("limit=2")).imports.map((entry) => entry.id)).toEqual([first.imports[0]!.id, second.imports[0]!.id]);
  });
});

describe("dataset videos and templates", () => {
  let datasetId: number;
  beforeAll(async () => {
    const { rows } = await pool().query<{ id: number }>(`SELECT d.id FROM "Dataset" d WHERE d.name = $1`, [`route import ${run}`]);
    datasetId = rows[0]!.id;
  });

  it("pages through videos by keyset", async () => {
    const page = async (cursor: number | null) => {
      const url = `${BASE}/api/datasets/${datasetId}/videos?limit=12${cursor === null ? "" : `&cursor=${cursor}`}`;
      const response = await getVideos(new Request(url, { headers: { cookie } }), { params: Promise.resolve({ id: String(datasetId) }) });
      return (await response.json()) as { videos: { id: number }[]; nextCursor: number | null };
    };
    const seen: number[] = [];
    let cursor: number | null = null;
    for (;;) {
      const { videos, nextCursor } = await page(cursor);
      seen.push(...videos.map((v) => v.id));
      if (nextCursor === null) break;
      expect(nextCursor).toBe(videos.at(-1)?.id);
      cursor = nextCursor;
    }
    expect(seen).toHaveLength(30);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(30);
  });

  it("edits a template's wording, refusing placeholders its kind does not offer", async () => {
    const list = await getTemplates(new Request(`${BASE}/api/datasets/${datasetId}/templates`, { headers: { cookie } }), {
      params: Promise.resolve({ id: String(datasetId) }),
    });
    const { templates } = (await list.json()) as { templates: { id: number; key: string; kind: string }[] };
    expect(templates.map((t) => t.kind)).toEqual(Array(5).fill("activity"));
    const target = templates[0]!;
    const patch = (templateId: number, text: string, forDataset = datasetId) =>
      patchTemplate(
        new Request(`${BASE}/api/datasets/${forDataset}/templates/${templateId}`, {
          method: "PATCH",
          headers: { cookie, origin: BASE, "content-type": "application/json" },
          body: JSON.stringify({ text }),
        }),
        { params: Promise.resolve({ id: String(forDataset), templateId: String(templateId) }) },
      );
    const bad = await patch(target.id, "What is {person} doing?");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("uses {person}; this kind offers none");
    const good = await patch(target.id, "Which activity does this clip show?");
    expect(good.status).toBe(200);
    expect(((await good.json()) as { template: { text: string } }).template.text).toBe("Which activity does this clip show?");
    expect((await patch(target.id, "x", datasetId + 100000)).status).toBe(404);
  });
});
