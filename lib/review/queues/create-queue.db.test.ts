import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { createQueueSchema, type CreateQueueInput } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture, type ReviewFixture } from "../testing/review-fixture";
import { createQueue } from "./create-queue";

closeConnectionsAfterAll();

let fixture: ReviewFixture | undefined;
async function cycle(): Promise<ReviewFixture> {
  fixture ??= await seedReviewFixture({ tag: "sampling", questions: 30 });
  return fixture;
}

async function make(input: Omit<CreateQueueInput, "cycleId" | "name"> & { name?: string }) {
  const { cycleIds } = await cycle();
  return createQueue(createQueueSchema.parse({ name: "sampling", cycleId: cycleIds[0], ...input }), SYSTEM_ACTOR);
}

async function itemsOf(queueId: number) {
  const { rows } = await pool().query<{ generationId: number; position: number; stratum: string; isGold: boolean; goldAnswer: unknown }>(
    `SELECT "generationId", position, stratum, "isGold", "goldAnswer" FROM "ReviewQueueItem" WHERE "queueId" = $1 ORDER BY position, id`,
    [queueId],
  );
  return rows;
}

describe("createQueue", () => {
  test("uniform sampling takes `size` generations of the cycle, reproducibly from the seed", async () => {
    const a = await make({ size: 12, seed: 7 });
    const b = await make({ size: 12, seed: 7 });
    const c = await make({ size: 12, seed: 8 });
    const ids = async (queueId: number) => (await itemsOf(queueId)).map((item) => item.generationId);
    expect(a.size).toBe(12);
    expect(await ids(b.id)).toEqual(await ids(a.id));
    expect(await ids(c.id)).not.toEqual(await ids(a.id));
    const all = new Set((await cycle()).generations.map((g) => g.id));
    for (const id of await ids(a.id)) expect(all.has(id)).toBe(true);
  });

  test("only passed / only failed keep to the verifier's verdict", async () => {
    const { generations } = await cycle();
    const passed = new Map(generations.map((g) => [g.id, g.passed]));
    const onlyPassed = await itemsOf((await make({ sampling: "ONLY_PASSED", size: 10 })).id);
    const onlyFailed = await itemsOf((await make({ sampling: "ONLY_FAILED", size: 10 })).id);
    expect(onlyPassed.every((item) => passed.get(item.generationId) === true)).toBe(true);
    expect(onlyFailed.every((item) => passed.get(item.generationId) === false)).toBe(true);
    expect(onlyFailed).toHaveLength(10);
  });

  test("stratified sampling gives each dataset × mode × verdict stratum an equal share", async () => {
    const created = await make({ sampling: "STRATIFIED", size: 20 });
    expect(created.strata.map((s) => s.key.split("|").slice(1).join("|")).sort()).toEqual([
      "ANSWER|failed",
      "ANSWER|passed",
      "RATIONALIZATION|failed",
      "RATIONALIZATION|passed",
    ]);
    expect(created.strata.map((s) => s.quota)).toEqual([5, 5, 5, 5]);
    const perStratum = new Map<string, number>();
    for (const item of await itemsOf(created.id)) perStratum.set(item.stratum, (perStratum.get(item.stratum) ?? 0) + 1);
    expect([...perStratum.values()]).toEqual([5, 5, 5, 5]);
  });

  test("each generation is sampled by its latest verdict: a re-verified one by the newest, an unverified one as unverified", async () => {
    const own = await seedReviewFixture({ tag: "reverified", questions: 3 });
    const [flipped, unverified] = [own.generations.find((g) => !g.passed)!, own.generations.findLast((g) => !g.passed)!];
    await pool().query(
      `INSERT INTO "Verdict" ("generationId", "verifierVersion", "configHash", passed, score, threshold, method)
       VALUES ($1, 'fixture-2', 'fixture', true, 1, 0.75, 'interval:temporal-iou')`,
      [flipped.id],
    );
    await pool().query(`DELETE FROM "Verdict" WHERE "generationId" = $1`, [unverified.id]);
    const input = (sampling: CreateQueueInput["sampling"]) =>
      createQueueSchema.parse({ name: "reverified", cycleId: own.cycleIds[0], sampling, size: 100 });

    const stratified = await createQueue(input("STRATIFIED"), SYSTEM_ACTOR);
    const outcomes = new Map(stratified.strata.map((s) => [s.key.split("|").slice(1).join("|"), s.available]));
    expect(Object.fromEntries(outcomes)).toEqual({ "ANSWER|passed": 3, "RATIONALIZATION|passed": 2, "RATIONALIZATION|unverified": 1 });
    const onlyPassed = await itemsOf((await createQueue(input("ONLY_PASSED"), SYSTEM_ACTOR)).id);
    expect(onlyPassed.map((item) => item.generationId)).toContain(flipped.id);
    expect(onlyPassed).toHaveLength(5);
    expect((await createQueue(input("ONLY_FAILED"), SYSTEM_ACTOR)).size).toBe(0);
  });

  test("a cycle much larger than the sample: each partition's picks are its lowest seeded hashes, as if every candidate were ranked", async () => {
    const large = await seedReviewFixture({ tag: "large-cycle", questions: 90 });
    const strata = new Map(large.generations.map((g) => [g.id, `${large.datasetId}|${g.mode}|${g.passed ? "passed" : "failed"}`]));
    for (const sampling of ["UNIFORM", "STRATIFIED"] as const) {
      const created = await createQueue(
        createQueueSchema.parse({ name: "large", cycleId: large.cycleIds[0], sampling, size: 12, seed: 3 }),
        SYSTEM_ACTOR,
      );
      const { rows: hashes } = await pool().query<{ id: number; rank: string; position: string }>(
        `SELECT id, hashint8extended(id, 3)::text AS rank, hashint8extended(id, 4)::text AS position FROM "Generation" WHERE "cycleId" = $1`,
        [large.cycleIds[0]],
      );
      const byHash = (key: "rank" | "position") => (a: (typeof hashes)[number], b: (typeof hashes)[number]) =>
        BigInt(a[key]) < BigInt(b[key]) ? -1 : BigInt(a[key]) > BigInt(b[key]) ? 1 : a.id - b.id;
      const quotas = new Map(created.strata.map((stratum) => [stratum.key, stratum.quota]));
      const partOf = (id: number) => (sampling === "STRATIFIED" ? strata.get(id)! : "");
      const taken = new Map<string, number>();
      const expected = [...hashes].sort(byHash("rank")).filter((row) => {
        const part = partOf(row.id);
        const quota = sampling === "STRATIFIED" ? (quotas.get(part) ?? 0) : 12;
        taken.set(part, (taken.get(part) ?? 0) + 1);
        return taken.get(part)! <= quota;
      });
      const items = await itemsOf(created.id);
      expect(items.map((item) => item.generationId)).toEqual(expected.sort(byHash("position")).map((row) => row.id));
      expect(items.map((item) => item.position)).toEqual(expected.map((_, index) => index));
    }
  });

  test("asks for more than the cycle has: the queue holds what there is", async () => {
    const created = await make({ size: 5000 });
    expect(created.size).toBe((await cycle()).generations.length);
  });

  test("gold items are mixed in with their known answers, and members are added", async () => {
    const { generations } = await cycle();
    const annotator = await createReviewer("gold");
    const gold = generations
      .slice(0, 2)
      .map((g) => ({ generationId: g.id, answer: { verdict: "HALLUCINATED" as const, labelPresent: false } }));
    const created = await make({ size: 8, seed: 11, gold, assignees: [annotator.id] });
    const items = await itemsOf(created.id);
    const goldItems = items.filter((item) => item.isGold);
    expect(goldItems.map((item) => item.generationId).sort()).toEqual(gold.map((g) => g.generationId).sort());
    expect(goldItems[0]?.goldAnswer).toEqual({ verdict: "HALLUCINATED", labelPresent: false, note: "" });
    expect(goldItems.every((item) => item.position > 0)).toBe(true);
    const { rows } = await pool().query<{ userId: string }>(`SELECT "userId" FROM "ReviewQueueMember" WHERE "queueId" = $1`, [created.id]);
    expect(rows).toEqual([{ userId: annotator.id }]);
  });

  test("a gold generation that was also sampled moves to its gold position, never opening the queue", async () => {
    const gold = (generationId: number) => ({ generationId, answer: { verdict: "CORRECT" as const } });
    // The sample does not depend on the gold items: a queue without any shows which generation opens it.
    const probe = await itemsOf((await make({ size: 8, seed: 5 })).id);
    const opening = probe.find((item) => item.position === 0);
    expect(opening).toBeDefined();
    const items = await itemsOf((await make({ size: 8, seed: 5, gold: [gold(opening!.generationId)] })).id);
    const moved = items.find((item) => item.generationId === opening!.generationId);
    expect(moved?.isGold).toBe(true);
    expect(moved?.position).toBeGreaterThan(0);
  });

  test("refuses a missing cycle, unknown assignees and unknown gold generations, naming them", async () => {
    await expect(createQueue(createQueueSchema.parse({ name: "x", cycleId: 999_999, size: 1 }), SYSTEM_ACTOR)).rejects.toMatchObject({
      kind: "invalid-input",
      field: "cycleId",
      message: expect.stringMatching(/cycleId: cycle 999999 does not exist/),
    });
    await expect(make({ size: 1, assignees: ["nobody-here"] })).rejects.toThrow(/assignees: no active user with id nobody-here/);
    await expect(make({ size: 1, gold: [{ generationId: 999_999, answer: { verdict: "CORRECT" } }] })).rejects.toThrow(
      /gold: generation 999999/,
    );
  });

  test("refuses gold items from another cycle than the queue's", async () => {
    const { cycleIds } = await cycle();
    const other = (await seedReviewFixture({ tag: "gold-elsewhere", questions: 2 })).generations[0];
    await expect(make({ size: 2, gold: [{ generationId: other!.id, answer: { verdict: "CORRECT" } }] })).rejects.toMatchObject({
      kind: "invalid-input",
      field: "gold",
      message: `gold: generation ${other!.id} is not from cycle ${cycleIds[0]}; gold items come from the queue's cycle`,
    });
  });

  test("the input schema refuses an overlap larger than the team", () => {
    const parsed = createQueueSchema.safeParse({ name: "x", cycleId: 1, size: 5, overlap: 3, assignees: ["a", "b"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["overlap"]);
  });
});
