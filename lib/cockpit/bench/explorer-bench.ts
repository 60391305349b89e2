// npm run bench:explorer — the generations explorer over many rows (BENCH_ROWS, default 1,000,000):
// first and deep keyset pages, each filter, and full-text search, median of 5 runs each.
// Uses its own database (vstar_bench_explorer) on the embedded server of VSTAR_DATA_DIR / EMBEDDED_PG_PORT.
import { performance } from "node:perf_hooks";
import { explorerQuerySchema } from "@/lib/cockpit/generations/explorer-filters";
import { exploreGenerations } from "@/lib/cockpit/generations/explorer-repository";
import { openDatabaseServer } from "@/lib/db/database-server";
import { applyMigrations } from "@/lib/db/migrations";
import { closePool, pool } from "@/lib/db/pool";
import { seedExplorerRows } from "./explorer-seed";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
process.env.EMBEDDED_PG_DATABASE ??= "vstar_bench_explorer";
const server = await openDatabaseServer();
process.env.DATABASE_URL = server.url;
try {
  await applyMigrations(server.url);
  const existing = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Generation"`);
  let cycleIds: number[];
  let datasetIds: number[];
  if ((existing.rows[0]?.n ?? 0) < rows) {
    if ((existing.rows[0]?.n ?? 0) > 0)
      throw new Error(`vstar_bench_explorer holds ${existing.rows[0]?.n} generations, fewer than ${rows}: drop that database first`);
    const started = performance.now();
    const client = await pool().connect();
    try {
      ({ cycleIds, datasetIds } = await seedExplorerRows(client, rows));
    } finally {
      client.release();
    }
    console.log(
      `seeded ${rows.toLocaleString("en-US")} generations (with verdicts, audits and the full-text index) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    cycleIds = (await pool().query<{ id: number }>(`SELECT id FROM "Cycle" ORDER BY id`)).rows.map((row) => row.id);
    datasetIds = (await pool().query<{ id: number }>(`SELECT id FROM "Dataset" ORDER BY id`)).rows.map((row) => row.id);
  }
  const total = (await pool().query<{ n: number; min: number }>(`SELECT count(*)::int AS n, min(id) AS min FROM "Generation"`)).rows[0]!;
  console.log(`generations: ${total.n.toLocaleString("en-US")}`);

  const cases: [string, Record<string, unknown>][] = [
    ["first page, no filter", {}],
    ["deep page (cursor near the oldest row)", { cursor: total.min + 1000 }],
    ["cycle", { cycleId: cycleIds[2] }],
    // The oldest cycle: below every newer cycle's rows, which walking the primary key reads first.
    ["the oldest cycle", { cycleId: cycleIds[0] }],
    ["dataset", { datasetId: datasetIds[1] }],
    ["mode = rationalization", { mode: "RATIONALIZATION" }],
    ["verdict = failed", { verdict: "failed" }],
    ["label type = bbox", { labelType: "bbox" }],
    ["audit = hallucinated (0.25 % of rows)", { audit: "HALLUCINATED" }],
    ["audit = unaudited", { audit: "unaudited" }],
    ["audit = hallucinated, oldest first", { audit: "HALLUCINATED", sort: "oldest" }],
    ["search: rare word (zebra, 0.1 %)", { q: "zebra" }],
    ["search: rare word, second page", { q: "zebra", cursor: "SECOND" }],
    ["search: common words (guitar music)", { q: "guitar music" }],
    ["search + cycle + failed", { q: "zebra", cycleId: cycleIds[1], verdict: "failed" }],
    [
      "all filters together",
      { cycleId: cycleIds[0], datasetId: datasetIds[0], mode: "ANSWER", verdict: "passed", labelType: "class", q: "person" },
    ],
  ];
  console.log(`\n${"query".padEnd(44)} ${"median ms".padStart(10)} ${"max ms".padStart(8)} ${"rows".padStart(5)}`);
  for (const [name, raw] of cases) {
    let filters = raw;
    if (raw.cursor === "SECOND") {
      const first = await exploreGenerations(explorerQuerySchema.parse({ q: raw.q }));
      filters = { q: raw.q, cursor: first.nextCursor ?? undefined };
    }
    const query = explorerQuerySchema.parse(filters);
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      count = (await exploreGenerations(query)).rows.length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(44)} ${times[2]!.toFixed(1).padStart(10)} ${times[4]!.toFixed(1).padStart(8)} ${String(count).padStart(5)}`);
  }
} finally {
  await closePool();
  await server.close();
}
process.exit(0);
