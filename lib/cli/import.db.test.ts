import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFineDivingAnnotations } from "@/lib/datasets/finediving/fixtures/write-fixtures";
import { generateKineticsCsv } from "@/lib/datasets/kinetics/generate";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { spawnScript } from "@/lib/testing/processes";

let dir: string;
const run = Date.now().toString(36);

beforeAll(async () => {
  dir = await makeTempDir("import-cli");
});

afterAll(async () => {
  await removeTempDir(dir);
  await closePool();
});

async function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  const script = spawnScript(
    "lib/cli/import.ts",
    { VSTAR_MEDIA_ROOT: path.join(dir, "store"), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    args,
  );
  const code = await script.exited;
  return { code, output: script.output() };
}

async function videoCount(name: string): Promise<{ datasets: number; videos: number }> {
  const { rows } = await pool().query<{ datasets: number; videos: number }>(
    `SELECT count(DISTINCT d.id)::int AS datasets, count(v.id)::int AS videos FROM "Dataset" d LEFT JOIN "Video" v ON v."datasetId" = d.id WHERE d.name = $1`,
    [name],
  );
  return rows[0]!;
}

describe("npm run import", () => {
  it("imports a file, prints progress and counts, and queues the media ingest", async () => {
    const file = path.join(dir, "kinetics700_val.csv");
    await generateKineticsCsv(file, 40, 9);
    const name = `cli kinetics ${run}`;
    const { code, output } = await cli(["--format", "kinetics700", "--file", file, "--dataset", name, "--no-media-check"]);
    expect(output).toContain(`into dataset "${name}"`);
    expect(output).toMatch(/40 records read/);
    expect(output).toMatch(/videos: {4}40 new, 0 updated/);
    expect(output).toMatch(/questions: 40 new, 0 updated/);
    expect(output).toMatch(/Media ingest queued: 40 videos in 1 jobs/);
    expect(code).toBe(0);
    expect(await videoCount(name)).toEqual({ datasets: 1, videos: 40 });
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dataset-ingest-media' AND jsonb_array_length(data->'videoIds') = 40`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);

    const again = await cli(["--format", "kinetics700", "--file", file, "--dataset", name, "--no-media-check", "--no-ingest"]);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/videos: {4}0 new, 0 updated/);
    expect(await videoCount(name)).toEqual({ datasets: 1, videos: 40 });
  }, 60_000);

  it("prints the errors of a rejected file and exits 1 having written nothing", async () => {
    const file = path.join(dir, "broken.csv");
    await writeFile(
      file,
      "label,youtube_id,time_start,time_end,split\nplaying guitar,abcdefghijk,0,10,train\neating cake,bcdefghijkl,soon,10,train\n",
    );
    const name = `cli broken ${run}`;
    const { code, output } = await cli(["--format", "kinetics", "--file", file, "--dataset", name, "--no-media-check"]);
    expect(output).toContain("Rejected: 1 error. Nothing was written.");
    expect(output).toContain('broken.csv, line 3, field time_start: not a number of seconds: "soon"');
    expect(code).toBe(1);
    expect(await videoCount(name)).toEqual({ datasets: 0, videos: 0 });
  }, 60_000);

  it("imports FineDiving's annotation folder before its media, and attaches the media later without re-importing", async () => {
    const steps = [
      { name: "Back", frames: 3 },
      { name: "2.5 Soms.Pike", frames: 4 },
      { name: "Entry", frames: 2 },
    ];
    const dives = [0, 1].map((index) => ({
      event: "CliEvent",
      index,
      actionType: "205b",
      difficulty: 3,
      judgeScores: [7, 7, 7, 7, 7, 7, 7],
      steps,
    }));
    const paths = await writeFineDivingAnnotations(path.join(dir, "FineDiving"), dives);
    const name = `cli finediving ${run}`;
    const checked = await cli(["--format", "finediving", "--file", path.dirname(paths.dir), "--dataset", name, "--no-ingest"]);
    expect(checked.code).toBe(1);
    expect(checked.output).toContain("--no-media-check");

    const imported = await cli([
      "--format",
      "finediving",
      "--file",
      path.dirname(paths.dir),
      "--dataset",
      name,
      "--no-media-check",
      "--no-ingest",
    ]);
    expect(imported.output).toMatch(/videos: {4}2 new/);
    expect(imported.output).toMatch(/questions: 10 new/);
    expect(imported.code).toBe(0);
    await pool().query(
      `UPDATE "Video" SET "mediaStatus" = 'UNPLAYABLE', "unplayableReason" = 'source not found' WHERE "datasetId" = (SELECT id FROM "Dataset" WHERE name = $1)`,
      [name],
    );

    const attached = await cli(["--attach-media", "--dataset", name]);
    expect(attached.output).toContain(`2 unplayable videos of "${name}" sent back to ingest`);
    expect(attached.code).toBe(0);
    const { rows } = await pool().query<{ status: string }>(
      `SELECT DISTINCT "mediaStatus" AS status FROM "Video" WHERE "datasetId" = (SELECT id FROM "Dataset" WHERE name = $1)`,
      [name],
    );
    expect(rows).toEqual([{ status: "PENDING" }]);
  }, 90_000);

  it("refuses a media root outside the media store, and bad arguments, with usage", async () => {
    const file = path.join(dir, "any.csv");
    await generateKineticsCsv(file, 2, 1);
    const outside = await cli(["--format", "kinetics700", "--file", file, "--media-root", "/etc"]);
    expect(outside.code).toBe(2);
    expect(outside.output).toContain("--media-root /etc is outside the media store");
    const unknown = await cli(["--format", "youtube8m", "--file", file]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown format "youtube8m"');
    expect(unknown.output).toContain("usage: npm run import");
  }, 60_000);
});
