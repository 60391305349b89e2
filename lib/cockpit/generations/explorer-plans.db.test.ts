import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import {
  createAudit,
  createAuditor,
  createDatasetWithQuestions,
  createGenerations,
  createRunWithCycles,
  type GenerationSpec,
  uniqueTag,
} from "../testing/cockpit-fixtures";
import { explorerQuerySchema } from "./explorer-filters";
import { countGenerations, type ExplorerStrategy, exploreGenerations } from "./explorer-repository";

// Every way the explorer can find a page (walking the ids, collecting the matches, a search's id
// windows, and the automatic choice) must give the same rows in the same order across pages.
// The data has the shape that trapped the walk: a small dataset at the oldest ids, under many
// newer rows of another.

interface Row {
  id: number;
  cycle: 0 | 1;
  small: boolean;
  mode: "ANSWER" | "RATIONALIZATION";
  passed: boolean | undefined;
  audit: "HALLUCINATED" | "CORRECT" | "draft" | undefined;
  text: string;
}

let runId: number;
let cycles: number[];
let small: { id: number; questionIds: number[] };
let big: { id: number; questionIds: number[] };
const rows: Row[] = [];

const textOf = (i: number) =>
  i % 50 === 7 ? "A zebra walks by the mirror." : i % 2 === 0 ? "The person looks in the mirror." : "A lamp is on the table.";

beforeAll(async () => {
  const tag = uniqueTag("plans");
  small = await createDatasetWithQuestions(tag, "class", 2);
  big = await createDatasetWithQuestions(tag, "interval", 3);
  const run = await createRunWithCycles(tag, 2);
  runId = run.runId;
  cycles = run.cycleIds;
  const specs: (Omit<Row, "id"> & { spec: GenerationSpec })[] = [];
  for (let i = 0; i < 5; i += 1) {
    const text = i === 2 ? "A zebra eats apple pie." : "The person is eating apple pie.";
    specs.push({
      cycle: 0,
      small: true,
      mode: "ANSWER",
      passed: i % 2 === 0,
      audit: undefined,
      text,
      spec: { questionId: small.questionIds[i % 2]!, sampleIndex: i, text, passed: i % 2 === 0 },
    });
  }
  for (let i = 0; i < 240; i += 1) {
    const mode = i % 3 === 0 ? "RATIONALIZATION" : "ANSWER";
    const passed = i % 4 === 3 ? undefined : i % 4 !== 1;
    specs.push({
      // Some of the first cycle's rows come among the second's: a run's walk merges its cycles by id.
      cycle: i < 120 || i % 7 === 0 ? 0 : 1,
      small: false,
      mode,
      passed,
      audit: i % 37 === 5 ? "HALLUCINATED" : i % 37 === 9 ? "CORRECT" : i % 37 === 20 ? "draft" : undefined,
      text: textOf(i),
      spec: { questionId: big.questionIds[i % 3]!, sampleIndex: 100 + i, mode, text: textOf(i), passed },
    });
  }
  const auditor = await createAuditor(tag);
  for (const { spec, ...row } of specs) {
    const [id] = await createGenerations(cycles[row.cycle]!, [spec]);
    rows.push({ ...row, id: id! });
    if (row.audit === "HALLUCINATED") await createAudit(id!, auditor, "HALLUCINATED", false);
    if (row.audit === "CORRECT") await createAudit(id!, auditor, "CORRECT", true);
    if (row.audit === "draft") await createAudit(id!, auditor, "HALLUCINATED", false, false);
  }
  await pool().query(`ANALYZE "Generation"; ANALYZE "Question"; ANALYZE "Audit"; ANALYZE "Verdict"`);
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

type Case = [string, () => Record<string, string | number>, (row: Row) => boolean];
const hasWord = (word: string) => (row: Row) => row.text.toLowerCase().includes(word);
const cases: Case[] = [
  ["the run", () => ({ runId }), () => true],
  ["the first cycle", () => ({ cycleId: cycles[0]! }), (row) => row.cycle === 0],
  ["the second cycle", () => ({ cycleId: cycles[1]! }), (row) => row.cycle === 1],
  ["the small, oldest dataset", () => ({ datasetId: small.id }), (row) => row.small],
  ["the big dataset", () => ({ datasetId: big.id }), (row) => !row.small],
  ["the small dataset's label type", () => ({ runId, labelType: "class" }), (row) => row.small],
  ["a mode", () => ({ runId, mode: "RATIONALIZATION" }), (row) => row.mode === "RATIONALIZATION"],
  ["failed", () => ({ runId, verdict: "failed" }), (row) => row.passed === false],
  ["unverified", () => ({ runId, verdict: "unverified" }), (row) => row.passed === undefined],
  ["audited hallucinated", () => ({ runId, audit: "HALLUCINATED" }), (row) => row.audit === "HALLUCINATED"],
  ["label missing", () => ({ runId, audit: "label-missing" }), (row) => row.audit === "HALLUCINATED"],
  [
    "unaudited (a draft is no audit)",
    () => ({ runId, audit: "unaudited" }),
    (row) => row.audit !== "HALLUCINATED" && row.audit !== "CORRECT",
  ],
  [
    "cycle + failed + answer",
    () => ({ cycleId: cycles[1]!, verdict: "failed", mode: "ANSWER" }),
    (row) => row.cycle === 1 && row.passed === false && row.mode === "ANSWER",
  ],
  ["a rare word", () => ({ runId, q: "zebra" }), hasWord("zebra")],
  ["a common word", () => ({ runId, q: "mirror" }), hasWord("mirror")],
  ["two words", () => ({ runId, q: "mirror person" }), (row) => hasWord("mirror")(row) && hasWord("person")(row)],
  [
    "a rare word + cycle + failed",
    () => ({ q: "zebra", cycleId: cycles[1]!, verdict: "failed" }),
    (row) => hasWord("zebra")(row) && row.cycle === 1 && row.passed === false,
  ],
  ["a word in the small dataset", () => ({ datasetId: small.id, q: "zebra" }), (row) => row.small && hasWord("zebra")(row)],
  ["a phrase", () => ({ runId, q: '"walks by"' }), hasWord("walks by")],
];

async function everyPage(filters: Record<string, string | number>, strategy: ExplorerStrategy | undefined): Promise<number[]> {
  const seen: number[] = [];
  let cursor: number | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await exploreGenerations(
      explorerQuerySchema.parse({ ...filters, limit: 7, ...(cursor === undefined ? {} : { cursor }) }),
      strategy ? { strategy } : {},
    );
    seen.push(...result.rows.map((row) => row.id));
    if (result.nextCursor === null) return seen;
    expect(result.rows).toHaveLength(7);
    cursor = result.nextCursor;
  }
  throw new Error("more than 100 pages");
}

describe("every plan of the explorer gives the same pages", () => {
  for (const [name, filters, matches] of cases) {
    const search = /word|phrase/.test(name);
    const strategies: (ExplorerStrategy | undefined)[] = search
      ? [undefined, "walk", "collect", "windows"]
      : [undefined, "walk", "collect"];
    test(`${name}: newest and oldest first, page after page`, async () => {
      const expected = rows.filter(matches).map((row) => row.id);
      expect(expected.length).toBeGreaterThan(0);
      for (const strategy of strategies) {
        expect(await everyPage(filters(), strategy), `${strategy ?? "auto"}, newest first`).toEqual([...expected].sort((a, b) => b - a));
        expect(await everyPage({ ...filters(), sort: "oldest" }, strategy), `${strategy ?? "auto"}, oldest first`).toEqual(
          [...expected].sort((a, b) => a - b),
        );
      }
      const count = await countGenerations(explorerQuerySchema.parse(filters()), { estimateFrom: Number.MAX_SAFE_INTEGER });
      expect(count).toEqual({ total: expected.length, estimated: false });
    });
  }
});

describe("the count", () => {
  test("past the estimate threshold a filtered total is the planner's estimate, rounded and said to be one", async () => {
    const estimate = await countGenerations(explorerQuerySchema.parse({ runId }), { estimateFrom: 1 });
    expect(estimate.estimated).toBe(true);
    // ANALYZE read every row: the estimate is near the run's rows, to two significant digits.
    expect(estimate.total).toBeGreaterThan(0);
    expect(String(estimate.total).replace(/0+$/, "").length).toBeLessThanOrEqual(2);
    expect(await countGenerations(explorerQuerySchema.parse({ runId }), { estimateFrom: 10 ** 9 })).toEqual({
      total: rows.length,
      estimated: false,
    });
  });
});
