import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import {
  createAudit,
  createAuditor,
  createDatasetWithQuestions,
  createGenerations,
  createRunWithCycles,
  uniqueTag,
} from "../testing/cockpit-fixtures";
import { explorerQuerySchema } from "./explorer-filters";
import { countGenerations, exploreGenerations } from "./explorer-repository";
import { TEXT_SEARCH_VECTOR } from "./explorer-sql";

let runId: number;
let cycles: number[];
let classDataset: { id: number; questionIds: number[] };
let intervalDataset: { id: number; questionIds: number[] };
const ids: Record<string, number | undefined> = {};

beforeAll(async () => {
  const tag = uniqueTag("explore");
  classDataset = await createDatasetWithQuestions(tag, "class", 3);
  intervalDataset = await createDatasetWithQuestions(tag, "interval", 2);
  const run = await createRunWithCycles(tag, 2);
  runId = run.runId;
  cycles = run.cycleIds;
  const [c1, c2] = cycles as [number, number];
  const [q0, q1, q2] = classDataset.questionIds as [number, number, number];
  const [i0, i1] = intervalDataset.questionIds as [number, number];
  [ids.pie, ids.dog, ids.unverified] = await createGenerations(c1, [
    { questionId: q0, text: "A woman is eating apple pies slowly.", passed: true },
    { questionId: q1, text: "A dog runs across the yard chasing a ball.", passed: false },
    { questionId: q2, text: "Someone stands near a table." },
  ]);
  [ids.rational, ids.interval] = await createGenerations(c1, [
    { questionId: q1, mode: "RATIONALIZATION", text: "Given the label, the dog is fetching.", passed: true },
    { questionId: i0, text: "The jump happens between 1 and 2 seconds.", passed: true },
  ]);
  [ids.cycle2a, ids.cycle2b] = await createGenerations(c2, [
    { questionId: q0, text: "An apple is eaten in a kitchen.", passed: true },
    { questionId: i1, text: "Nothing happens at all.", passed: false },
  ]);
  const auditor = await createAuditor(tag);
  await createAudit(ids.pie!, auditor, "CORRECT", true);
  await createAudit(ids.rational!, auditor, "HALLUCINATED", false);
  await createAudit(ids.dog!, auditor, "UNSURE", null, false); // a draft, not submitted
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

async function idsFor(filters: Record<string, string | number>): Promise<number[]> {
  const page = await exploreGenerations(explorerQuerySchema.parse({ runId, limit: 100, ...filters }));
  return page.rows.map((row) => row.id);
}

describe("generations explorer", () => {
  test("newest first, with dataset, cycle, verdict and audit facts on each row", async () => {
    const page = await exploreGenerations(explorerQuerySchema.parse({ runId }));
    expect(page.rows.map((row) => row.id)).toEqual(allIdsNewestFirst());
    const pie = page.rows.find((row) => row.id === ids.pie)!;
    expect(pie).toMatchObject({
      cycleId: cycles[0],
      cycleIndex: 1,
      datasetId: classDataset.id,
      mode: "ANSWER",
      passed: true,
      audits: 1,
      hallucinated: 0,
      labelTypes: ["class"],
    });
    expect(page.rows.find((row) => row.id === ids.unverified)).toMatchObject({ passed: null, audits: 0 });
    expect(page.nextCursor).toBeNull();
  });

  test("each filter narrows to the rows it names", async () => {
    expect(await idsFor({ cycleId: cycles[1]! })).toEqual([ids.cycle2b, ids.cycle2a]);
    expect(await idsFor({ datasetId: intervalDataset.id })).toEqual([ids.cycle2b, ids.interval]);
    expect(await idsFor({ labelType: "interval" })).toEqual([ids.cycle2b, ids.interval]);
    expect(await idsFor({ mode: "RATIONALIZATION" })).toEqual([ids.rational]);
    expect(await idsFor({ verdict: "failed" })).toEqual([ids.cycle2b, ids.dog]);
    expect(await idsFor({ verdict: "unverified" })).toEqual([ids.unverified]);
    expect(await idsFor({ verdict: "passed", cycleId: cycles[0]! })).toEqual([ids.interval, ids.rational, ids.pie]);
    expect(await idsFor({ audit: "HALLUCINATED" })).toEqual([ids.rational]);
    expect(await idsFor({ audit: "label-missing" })).toEqual([ids.rational]);
    expect(await idsFor({ audit: "audited" })).toEqual([ids.rational, ids.pie]);
    // The unsubmitted draft does not count as an audit.
    expect(await idsFor({ audit: "unaudited", cycleId: cycles[0]! })).toEqual([ids.interval, ids.unverified, ids.dog]);
  });

  test("full-text search matches word forms and highlights the hits", async () => {
    expect(await idsFor({ q: "apple pie" })).toEqual([ids.pie]);
    expect(await idsFor({ q: "apples" })).toEqual([ids.cycle2a, ids.pie]);
    expect(await idsFor({ q: "dog -fetching" })).toEqual([ids.dog]);
    const page = await exploreGenerations(explorerQuerySchema.parse({ runId, q: "chasing" }));
    expect(page.rows[0]?.headline).toContain("<<chasing>>");
  });

  test("a quoted phrase must appear word for word, typographic quotes too, and can be excluded", async () => {
    // Without the phrase check, "eating the pie" matched 'eat' <2> 'pie': "eating apple pies".
    expect(await idsFor({ q: '"eating the pie"' })).toEqual([]);
    expect(await idsFor({ q: '"eating apple"' })).toEqual([ids.pie]);
    expect(await idsFor({ q: "\u201Capple pies slowly\u201D" })).toEqual([ids.pie]);
    // Typographic quotes were read as words: "pie apple" matched any answer with both.
    expect(await idsFor({ q: "\u201Cpies apple\u201D" })).toEqual([]);
    expect(await idsFor({ q: 'apple -"apple pies"' })).toEqual([ids.cycle2a]);
    expect((await countGenerations(explorerQuerySchema.parse({ runId, q: '"eating apple"' }))).total).toBe(1);
  });

  test("oldest first pages the other way, a search too", async () => {
    expect(await idsFor({ sort: "oldest" })).toEqual([...allIdsNewestFirst()].reverse());
    const first = await exploreGenerations(explorerQuerySchema.parse({ runId, sort: "oldest", limit: 2 }));
    const second = await exploreGenerations(explorerQuerySchema.parse({ runId, sort: "oldest", limit: 2, cursor: first.nextCursor! }));
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual([...allIdsNewestFirst()].reverse().slice(0, 4));
    expect(await idsFor({ q: "apples", sort: "oldest" })).toEqual([ids.pie, ids.cycle2a]);
    const firstHit = await exploreGenerations(explorerQuerySchema.parse({ runId, q: "apples", sort: "oldest", limit: 1 }));
    const secondHit = await exploreGenerations(
      explorerQuerySchema.parse({ runId, q: "apples", sort: "oldest", limit: 1, cursor: firstHit.nextCursor! }),
    );
    expect([...firstHit.rows, ...secondHit.rows].map((row) => row.id)).toEqual([ids.pie, ids.cycle2a]);
    expect(secondHit.nextCursor).toBeNull();
  });

  test("the total counts every page of the filtered rows", async () => {
    const count = async (filters: Record<string, string | number>) =>
      (await countGenerations(explorerQuerySchema.parse({ runId, ...filters }))).total;
    expect(await count({})).toBe(allIdsNewestFirst().length);
    expect(await count({ verdict: "failed" })).toBe(2);
    expect(await count({ audit: "audited", cycleId: cycles[0]! })).toBe(2);
    expect(await count({ q: "apples" })).toBe(2);
    expect(await count({ q: "unicorn" })).toBe(0);
  });

  test("with no filter a large table's total is the planner's estimate, said to be one; few filtered rows are counted exactly", async () => {
    await pool().query(`ANALYZE "Generation"`);
    const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Generation"`);
    const unfiltered = await countGenerations(explorerQuerySchema.parse({}), { estimateFrom: 1 });
    expect(unfiltered.estimated).toBe(true);
    // ANALYZE reads every row of a table this small: the estimate is the count, give or take other tests' rows meanwhile.
    expect(Math.abs(unfiltered.total! - rows[0]!.n)).toBeLessThanOrEqual(Math.max(50, rows[0]!.n * 0.1));
    expect(await countGenerations(explorerQuerySchema.parse({ runId }))).toEqual({
      total: allIdsNewestFirst().length,
      estimated: false,
    });
    expect((await countGenerations(explorerQuerySchema.parse({}), { estimateFrom: 10 ** 12 })).estimated).toBe(false);
  });

  test("keyset pages cover every row once, in order", async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let pageIndex = 0; pageIndex < 10; pageIndex += 1) {
      const page = await exploreGenerations(explorerQuerySchema.parse({ runId, limit: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.rows.map((row) => row.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(allIdsNewestFirst());
  });

  test("a search finds matches far below the newest rows, through several id windows, and pages on", async () => {
    const tag = uniqueTag("windows");
    const dataset = await createDatasetWithQuestions(tag, "class", 1);
    const run = await createRunWithCycles(tag, 1);
    const [oldest] = await createGenerations(run.cycleIds[0]!, [
      { questionId: dataset.questionIds[0]!, text: "An okapi crosses the river." },
    ]);
    // 6,000 newer answers without the word push it out of the first window (4,096 ids).
    await pool().query(
      `INSERT INTO "Generation"("cycleId", "questionId", mode, "sampleIndex", model, prompt, text)
       SELECT $1, $2, 'ANSWER', i, 'm', 'p', 'A person walks a dog, take ' || i FROM generate_series(1, 6000) i`,
      [run.cycleIds[0], dataset.questionIds[0]],
    );
    const [newest] = await createGenerations(run.cycleIds[0]!, [
      { questionId: dataset.questionIds[0]!, sampleIndex: 7000, text: "Another okapi drinks." },
    ]);
    const first = await exploreGenerations(explorerQuerySchema.parse({ runId: run.runId, q: "okapi", limit: 1 }));
    expect(first.rows.map((row) => row.id)).toEqual([newest]);
    expect(first.nextCursor).toBe(newest);
    const second = await exploreGenerations(
      explorerQuerySchema.parse({ runId: run.runId, q: "okapi", limit: 1, cursor: first.nextCursor! }),
    );
    expect(second.rows.map((row) => row.id)).toEqual([oldest]);
    expect(second.nextCursor).toBeNull();
    const none = await exploreGenerations(explorerQuerySchema.parse({ runId: run.runId, q: "unicorn" }));
    expect(none.rows).toEqual([]);
  });

  test("the search expression is the indexed one: the planner can answer it from the GIN index", async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_seqscan = off");
      const plan = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM "Generation" g WHERE ${TEXT_SEARCH_VECTOR} @@ websearch_to_tsquery('english', 'apple')`,
      );
      expect(plan.rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Generation_text_fts_idx");
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });

  test("bad filters are refused with the field named", () => {
    const result = explorerQuerySchema.safeParse({ verdict: "maybe", limit: "0" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(expect.arrayContaining(["verdict", "limit"]));
  });
});

function allIdsNewestFirst(): number[] {
  return Object.values(ids)
    .filter((id): id is number => id !== undefined)
    .sort((a, b) => b - a);
}
