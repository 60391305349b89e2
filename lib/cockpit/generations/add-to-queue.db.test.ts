import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { DomainError } from "@/lib/errors/domain-error";
import { createQueue } from "@/lib/review/queues/create-queue";
import { createQueueSchema } from "@/lib/review/schemas/queue-schemas";
import { closeConnectionsAfterAll } from "@/lib/review/testing/db-hooks";
import { createReviewer, seedReviewFixture, type ReviewFixture } from "@/lib/review/testing/review-fixture";
import { auditTrail } from "@/lib/testing/audit-trail";
import { addGenerationsSchema, addGenerationsToQueue } from "./add-to-queue";

closeConnectionsAfterAll();

let fixture: ReviewFixture;
let researcher: Actor;

beforeAll(async () => {
  fixture = await seedReviewFixture({ tag: `add-to-queue-${Date.now()}`, questions: 5, cycles: 2 });
  researcher = { userId: (await createReviewer("add-to-queue", "RESEARCHER")).id, ip: "192.0.2.81" };
});

const ofCycle = (index: number) => fixture.generations.filter((g) => g.cycleId === fixture.cycleIds[index]).map((g) => g.id);

async function queueOfCycle(name: string, size: number) {
  return createQueue(createQueueSchema.parse({ name, cycleId: fixture.cycleIds[0], size, seed: 3 }), researcher);
}

async function queueWithoutCycle(name: string): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(
    `INSERT INTO "ReviewQueue" (name, size, "createdById", "updatedAt") VALUES ($1, 0, $2, now()) RETURNING id`,
    [name, researcher.userId],
  );
  return rows[0]!.id;
}

async function itemsOf(queueId: number) {
  const { rows } = await pool().query<{ generationId: number; position: number; stratum: string | null; isGold: boolean }>(
    `SELECT "generationId", position, stratum, "isGold" FROM "ReviewQueueItem" WHERE "queueId" = $1 ORDER BY position, id`,
    [queueId],
  );
  return rows;
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const add = (queueId: number, body: unknown, cap?: number) =>
  addGenerationsToQueue(queueId, addGenerationsSchema.parse(body), researcher, cap);

describe("adding the explorer's generations to a review queue", () => {
  test("a selection goes to the end of the queue with its strata, the ones already in it skipped and counted, and is audited", async () => {
    const queue = await queueOfCycle("bulk selection", 3);
    const before = await itemsOf(queue.id);
    const result = await add(queue.id, { generationIds: ofCycle(0) });
    expect(result).toEqual({ queueId: queue.id, matched: 10, added: 7, duplicates: 3, notReviewable: 0, size: 10 });

    const after = await itemsOf(queue.id);
    expect(after.slice(0, 3)).toEqual(before);
    const added = after.slice(3);
    expect(added.map((item) => item.position)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(after.map((item) => item.generationId))).toEqual(new Set(ofCycle(0)));
    expect(added.every((item) => !item.isGold)).toBe(true);
    const strata = new Set(added.map((item) => item.stratum?.split("|").slice(1).join("|")));
    expect([...strata].every((stratum) => /^(ANSWER|RATIONALIZATION)\|(passed|failed)$/.test(stratum ?? ""))).toBe(true);
    expect(added.every((item) => item.stratum?.startsWith(`${fixture.datasetId}|`))).toBe(true);

    // Again: everything is already there.
    expect(await add(queue.id, { generationIds: ofCycle(0) })).toMatchObject({ added: 0, duplicates: 10, size: 10 });
    expect((await itemsOf(queue.id)).length).toBe(10);
    expect(await auditTrail("review.queue.add-items", queue.id)).toEqual([
      {
        actorId: researcher.userId,
        targetType: "ReviewQueue",
        ipAddress: "192.0.2.81",
        details: { source: "selection", filters: null, matched: 10, added: 7, duplicates: 3, notReviewable: 0 },
      },
      expect.objectContaining({ details: expect.objectContaining({ added: 0, duplicates: 10 }) }),
    ]);
  });

  test("a queue of one cycle refuses another cycle's generations, naming how many, and adds none", async () => {
    const queue = await queueOfCycle("bulk cycle mismatch", 2);
    const error = await refusal(add(queue.id, { filters: { runId: String(fixture.runId) } }));
    expect(error.kind).toBe("invalid-input");
    expect(error.message).toContain("10 of the 20 generations are not from cycle 1");
    expect(error.message).toContain("bulk cycle mismatch");
    const mixed = await refusal(add(queue.id, { generationIds: [ofCycle(0)[0], ofCycle(1)[0]] }));
    expect(mixed.message).toContain("1 of the 2 generations");
    expect(await itemsOf(queue.id)).toHaveLength(2);
    expect(await auditTrail("review.queue.add-items", queue.id)).toEqual([]);
  });

  test("everything the filters and the search match is added, set-based, to a queue of no cycle", async () => {
    const queueId = await queueWithoutCycle("bulk filters");
    const { rows } = await pool().query<{ id: number }>(
      `SELECT g.id FROM "Generation" g JOIN "Cycle" c ON c.id = g."cycleId"
       WHERE c."runId" = $1 AND g.mode = 'ANSWER' AND g.text ILIKE '%drying rack%' ORDER BY g.id`,
      [fixture.runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    const result = await add(queueId, { filters: { runId: String(fixture.runId), mode: "ANSWER", q: '"drying rack"', sort: "oldest" } });
    expect(result).toMatchObject({ matched: rows.length, added: rows.length, duplicates: 0, size: rows.length });
    expect((await itemsOf(queueId)).map((item) => item.generationId)).toEqual(rows.map((row) => row.id));
    const [entry] = await auditTrail("review.queue.add-items", queueId);
    expect(entry?.details).toMatchObject({
      source: "filters",
      filters: { runId: String(fixture.runId), mode: "ANSWER", q: '"drying rack"', sort: "oldest" },
    });

    // Both cycles, the rest of the run: the ones already in are skipped.
    expect(await add(queueId, { filters: { runId: String(fixture.runId) } })).toMatchObject({
      matched: 20,
      added: 20 - rows.length,
      duplicates: rows.length,
      size: 20,
    });
  });

  test("more than the cap is refused with a message that says so, and nothing is added", async () => {
    const queueId = await queueWithoutCycle("bulk cap");
    const error = await refusal(add(queueId, { filters: { runId: String(fixture.runId) } }, 15));
    expect(error.message).toContain("more than 15 generations");
    const selected = await refusal(add(queueId, { generationIds: ofCycle(0) }, 5));
    expect(selected.message).toContain("At most 5 generations at once; 10 were selected");
    expect(await itemsOf(queueId)).toEqual([]);
    expect(addGenerationsSchema.safeParse({ generationIds: Array.from({ length: 20_001 }, (_, i) => i + 1) }).success).toBe(false);
  });

  test("a selection naming a generation that does not exist, or a queue that does not, is refused", async () => {
    const queueId = await queueWithoutCycle("bulk missing");
    const error = await refusal(add(queueId, { generationIds: [ofCycle(0)[0], 2_000_000_000] }));
    expect(error.message).toContain("1 of the selected generations no longer exist");
    expect((await refusal(add(2_000_000_000, { generationIds: [ofCycle(0)[0]] }))).kind).toBe("not-found");
    expect(await itemsOf(queueId)).toEqual([]);
  });
});
