import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GET as csvRoute } from "@/app/api/benchmarks.csv/route";
import { GET as resultsFileRoute } from "@/app/api/cycles/[id]/benchmarks/results-file/route";
import { GET as benchmarksRoute, type GetCycleBenchmarksResponse } from "@/app/api/cycles/[id]/benchmarks/route";
import { GET as samplesRoute, type GetCycleBenchmarkSamplesResponse } from "@/app/api/cycles/[id]/benchmarks/samples/route";
import { parseLmmsEvalResults, taskSummaries } from "@/lib/benchmarks/lmms-eval-results";
import { ensureBenchmarkJob, storeBenchmarkResults } from "@/lib/cycles/db/benchmark-repository";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";

// Real lmms-eval files (lib/benchmarks/fixtures) stored as a finished job stores them, read back
// through the routes: the cycle's figures against the base model's, the logged answers, the raw
// file and the CSV.

const APP = "http://localhost:3000";
const fixtures = path.join(process.cwd(), "lib/benchmarks/fixtures");
let researcher: string;
let annotator: string;

beforeAll(async () => {
  researcher = await sessionCookieFor("RESEARCHER");
  annotator = await sessionCookieFor("ANNOTATOR");
});

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

function call(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  cookie: string,
  params: Record<string, string> = {},
) {
  return handler(new Request(`${APP}${url}`, { headers: { cookie, origin: APP } }), { params: Promise.resolve(params) });
}

/** Stores a fixture results file as a job of the run, with its value scaled for a second model. */
async function storeJob(runId: number, cycleIndex: number, scale: number, simulated: boolean) {
  const raw = JSON.parse(readFileSync(path.join(fixtures, "20261207_214011_results.json"), "utf8"));
  for (const entry of Object.values(raw.results) as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(entry)) if (typeof value === "number" && !key.includes("_stderr")) entry[key] = value * scale;
  }
  const job = await ensureBenchmarkJob({
    runId,
    cycleIndex,
    cycleId: null,
    checkpointId: null,
    modelLabel: cycleIndex === 0 ? "Qwen/Qwen2-VL-7B-Instruct" : `run-c${cycleIndex}`,
    backendId: 1,
    tasks: ["tempcompass", "nextqa_mc_test"],
    limit: 80,
    command: "python3 -m lmms_eval …",
    simulated,
  });
  const parsed = parseLmmsEvalResults(raw);
  await storeBenchmarkResults(
    job,
    {
      resultsFileName: "20261207_214011_results.json",
      resultsFile: raw,
      samplesFiles: {
        "20261207_214011_samples_nextqa_mc_test.jsonl": readFileSync(
          path.join(fixtures, "20261207_214011_samples_nextqa_mc_test.jsonl"),
          "utf8",
        ),
      },
      logTail: "",
    },
    taskSummaries(parsed),
    new Map(parsed.tasks.map((t) => [t.task, t.metrics])),
  );
}

test("benchmark routes read stored lmms-eval files: figures with changes, answers, the raw file and CSV", async () => {
  const run = await prisma().run.create({ data: { name: `bench routes ${Date.now()}`, config: {} }, select: { id: true } });
  await storeJob(run.id, 0, 1, false);
  await storeJob(run.id, 1, 1.1, false);

  const response = await call(benchmarksRoute, `/api/cycles/${run.id}/benchmarks`, researcher, { id: String(run.id) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as GetCycleBenchmarksResponse;
  expect(body.simulated).toBe(false);
  expect(body.tasks.map((t) => t.task)).toEqual(["nextqa_mc_test", "tempcompass"]);
  const nextqa = body.tasks[0];
  expect(nextqa?.scale).toBe("fraction");
  expect(nextqa?.rows.map((r) => r.cycleIndex)).toEqual([0, 1]);
  expect(nextqa?.rows[1]?.change?.points).toBeCloseTo(7, 6);
  // The logged samples do not average to these (scaled) figures: no paired interval from them.
  expect(nextqa?.rows[1]?.change?.method).toBe("independent");
  expect(nextqa?.rows[1]?.change?.low).toBeCloseTo(7 - 1.959964 * Math.sqrt(2) * 5.147, 3);
  const tempcompass = body.tasks[1];
  expect(tempcompass?.reference?.points).toBe(6.1);
  expect(tempcompass?.rows[1]?.change?.points).toBeCloseTo(6, 6);
  expect(tempcompass?.rows[0]?.stderrSource).toBe("binomial");
  expect(body.subtasks.map((t) => t.task)).toEqual(["tempcompass_multi-choice", "tempcompass_yes_no"]);

  const samples = await call(samplesRoute, `/api/cycles/${run.id}/benchmarks/samples?cycle=1&task=nextqa_mc_test`, researcher, {
    id: String(run.id),
  });
  const logged = (await samples.json()) as GetCycleBenchmarkSamplesResponse;
  expect(logged.samples.map((s) => [s.docId, s.response, s.target])).toEqual([
    [0, "B", "B"],
    [1, "C", "E"],
  ]);
  const missing = await call(samplesRoute, `/api/cycles/${run.id}/benchmarks/samples?cycle=1&task=tempcompass_yes_no`, researcher, {
    id: String(run.id),
  });
  expect(missing.status).toBe(404);

  const file = await call(resultsFileRoute, `/api/cycles/${run.id}/benchmarks/results-file?cycle=0`, researcher, { id: String(run.id) });
  expect(file.headers.get("content-disposition")).toContain('filename="20261207_214011_results.json"');
  expect(((await file.json()) as { results: Record<string, unknown> }).results.nextqa_mc_test).toMatchObject({
    "exact_match,none": 0.7,
  });

  const csv = await call(csvRoute, `/api/benchmarks.csv?runs=${run.id}`, researcher);
  const lines = (await csv.text()).trim().split("\n");
  expect(lines).toHaveLength(1 + 2 * 4);
  expect(lines.find((l) => l.includes(",cycle 1,nextqa_mc_test,"))).toMatch(/,7\.000,/);
  expect(lines.slice(1).some((l) => l.endsWith(",simulated"))).toBe(false);

  const forbidden = await call(benchmarksRoute, `/api/cycles/${run.id}/benchmarks`, annotator, { id: String(run.id) });
  expect(forbidden.status).toBe(403);
});
