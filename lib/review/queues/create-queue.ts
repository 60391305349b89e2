import type pg from "pg";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { invalidField } from "@/lib/errors/domain-error";
import { withTransaction } from "../db/transaction";
import { LATEST_VERDICT_LATERAL, NOW } from "../db/sql-fragments";
import { allocateEqually } from "../sampling/allocate";
import { STRATUM_SQL } from "../sampling/stratum";
import type { CreateQueue } from "../schemas/queue-schemas";

interface StratumAllocation {
  key: string;
  available: number;
  quota: number;
}

export interface CreatedQueue {
  id: number;
  /** Items actually in the queue (sampled + gold): fewer than asked when the cycle has fewer. */
  size: number;
  sampled: number;
  gold: number;
  strata: StratumAllocation[];
}

/**
 * Makes a review queue from a cycle's generations: samples them (uniform, stratified by dataset ×
 * mode × verdict, only passed, only failed) reproducibly from `seed`, mixes in gold items with
 * known answers, and adds the assignees as members. One transaction: a queue exists whole or not,
 * with its `review.queue.create` audit entry.
 */
export async function createQueue(input: CreateQueue, actor: Actor): Promise<CreatedQueue> {
  return withTransaction(async (client) => {
    await requireCycle(client, input.cycleId);
    await requireActiveUsers(client, input.assignees);
    await requireGoldOfCycle(
      client,
      input.cycleId,
      input.gold.map((item) => item.generationId),
    );

    await collectCandidates(client, candidateFilter(input));
    const strata = await countStrata(client);
    const quotas = quotasFor(input, strata);

    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "ReviewQueue" (name, "cycleId", sampling, size, overlap, blind, "leaseSeconds", seed, "createdById", "updatedAt")
       VALUES ($1, $2, $3::"QueueSampling", $4, $5, $6, $7, $8, $9, ${NOW}) RETURNING id`,
      [input.name, input.cycleId, input.sampling, input.size, input.overlap, input.blind, input.leaseSeconds, input.seed, actor.userId],
    );
    const queueId = rows[0]!.id;
    const sampled = await insertSample(client, queueId, input, strata, quotas);
    const gold = await insertGold(client, queueId, input, sampled);
    await addMembers(client, queueId, input.assignees);
    const { rows: counted } = await client.query<{ count: number }>(
      `UPDATE "ReviewQueue" SET size = (SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = $1)::int, "updatedAt" = ${NOW}
       WHERE id = $1 RETURNING size AS count`,
      [queueId],
    );
    const size = counted[0]!.count;
    await recordAuditWithPg(client, actor, {
      action: "review.queue.create",
      targetId: queueId,
      details: { cycleId: input.cycleId, sampling: input.sampling, size, overlap: input.overlap, assignees: input.assignees.length, gold },
    });
    return {
      id: queueId,
      size,
      sampled,
      gold,
      strata: strata.map((stratum) => ({ ...stratum, quota: quotas.get(stratum.key) ?? 0 })),
    };
  });
}

interface CandidateFilter {
  /** Condition on lv (the latest verdict), after the cycle and modes ($1, $2). */
  verdict: string;
  params: unknown[];
}

function candidateFilter(input: CreateQueue): CandidateFilter {
  const verdict = input.sampling === "ONLY_PASSED" ? "lv.passed IS TRUE" : input.sampling === "ONLY_FAILED" ? "lv.passed IS FALSE" : "true";
  return { verdict, params: [input.cycleId, input.modes] };
}

/**
 * The cycle's candidates with their stratum, found once into a temporary table (dropped at commit)
 * that both the stratum counts and the sample read. Each generation's latest verdict (highest id)
 * comes from one pass over the cycle's generations joined with their verdicts, not from an index
 * probe and a sort per candidate: over millions of candidates that difference is minutes. The
 * transaction's work_mem is raised so that pass hashes and sorts in memory.
 */
async function collectCandidates(client: pg.PoolClient, filter: CandidateFilter): Promise<void> {
  await client.query(`SET LOCAL work_mem = '${CANDIDATE_WORK_MEM}'`);
  await client.query(
    `CREATE TEMP TABLE queue_candidate ON COMMIT DROP AS
     SELECT g.id, ${STRATUM_SQL} AS stratum
     FROM (
       SELECT DISTINCT ON (g.id) g.id, g."questionId", g.mode, v.passed
       FROM "Generation" g LEFT JOIN "Verdict" v ON v."generationId" = g.id
       WHERE g."cycleId" = $1 AND g.mode = ANY($2::"GenerationMode"[])
       ORDER BY g.id, v.id DESC
     ) g JOIN "Question" q ON q.id = g."questionId"
     CROSS JOIN LATERAL (SELECT g.passed) lv
     WHERE ${filter.verdict}`,
    filter.params,
  );
}

const CANDIDATE_WORK_MEM = "256MB";

async function countStrata(client: pg.PoolClient): Promise<{ key: string; available: number }[]> {
  const { rows } = await client.query<{ key: string; available: number }>(
    `SELECT stratum AS key, count(*)::int AS available FROM queue_candidate GROUP BY stratum ORDER BY stratum`,
  );
  return rows;
}

/** Quotas per partition: one partition ("") for simple random sampling, one per stratum otherwise. */
function quotasFor(input: CreateQueue, strata: { key: string; available: number }[]): Map<string, number> {
  if (input.sampling === "STRATIFIED") return allocateEqually(strata, input.size);
  const total = strata.reduce((sum, stratum) => sum + stratum.available, 0);
  return new Map([["", Math.min(total, input.size)]]);
}

/**
 * Picks each partition's first `quota` candidates in a seeded hash order (a reproducible random
 * sample), then numbers the picks in a second hash order so strata are interleaved in the queue.
 * Only candidates whose hash lies in the lowest slice of the range (about twice the quota's share)
 * are ranked, so millions of candidates are filtered, not sorted; the picks are the same, since a
 * candidate in the slice has every lower hash of its partition in it too. Should a slice hold
 * fewer than its quota (vanishingly unlikely), the sample is taken again over every candidate.
 */
async function insertSample(
  client: pg.PoolClient,
  queueId: number,
  input: CreateQueue,
  strata: readonly { key: string; available: number }[],
  quotas: Map<string, number>,
): Promise<number> {
  const partition = input.sampling === "STRATIFIED" ? "c.stratum" : "''";
  const total = strata.reduce((sum, stratum) => sum + stratum.available, 0);
  const available =
    input.sampling === "STRATIFIED" ? new Map(strata.map((stratum) => [stratum.key, stratum.available])) : new Map([["", total]]);
  const expected = [...quotas.values()].reduce((sum, quota) => sum + quota, 0);
  const sample = async (bounded: boolean) =>
    (
      await client.query(
        `WITH quota AS (SELECT * FROM unnest($2::text[], $3::int[], $4::int8[]) AS q(part, quota, bound)),
         ranked AS (
           SELECT c.id, c.stratum, quota.quota,
                  row_number() OVER (PARTITION BY c.part ORDER BY c.hash, c.id) AS rn
           FROM (SELECT id, stratum, ${partition} AS part, hashint8extended(id, $1) AS hash FROM queue_candidate c) c
           JOIN quota USING (part)
           WHERE c.hash <= quota.bound
         ),
         chosen AS (SELECT id, stratum FROM ranked WHERE rn <= quota)
         INSERT INTO "ReviewQueueItem" ("queueId", "generationId", position, stratum)
         SELECT $5, id, (row_number() OVER (ORDER BY hashint8extended(id, $1 + 1), id) - 1)::int, stratum
         FROM chosen`,
        [
          input.seed,
          [...quotas.keys()],
          [...quotas.values()],
          [...quotas].map(([part, quota]) => (bounded ? hashBound(quota, available.get(part) ?? 0) : INT8_MAX)),
          queueId,
        ],
      )
    ).rowCount ?? 0;
  const sampled = await sample(true);
  if (sampled >= expected) return sampled;
  await client.query(`DELETE FROM "ReviewQueueItem" WHERE "queueId" = $1`, [queueId]);
  return sample(false);
}

const INT8_MAX = (2n ** 63n - 1n).toString();

/** The top of the lowest slice of the int8 hash range expected to hold `quota` of `available` hashes twice over (plus a margin). */
function hashBound(quota: number, available: number): string {
  const share = (2 * quota + 64) / Math.max(available, 1);
  if (share >= 1) return INT8_MAX;
  return (BigInt(Math.floor(share * 2 ** 53)) * 2n ** 11n - 2n ** 63n).toString();
}

/**
 * Gold items are spread evenly through the sampled ones; a gold generation that was sampled becomes
 * gold and moves to its gold position (left where it was sampled, it could open the queue).
 */
async function insertGold(client: pg.PoolClient, queueId: number, input: CreateQueue, sampled: number): Promise<number> {
  if (input.gold.length === 0) return 0;
  const ids = input.gold.map((item) => item.generationId);
  const positions = input.gold.map((_, index) => Math.floor(((index + 1) * sampled) / (input.gold.length + 1)));
  const answers = input.gold.map((item) => JSON.stringify(item.answer));
  const result = await client.query(
    `INSERT INTO "ReviewQueueItem" ("queueId", "generationId", position, stratum, "isGold", "goldAnswer")
     SELECT $1, gold.id, gold.position, ${STRATUM_SQL}, true, gold.answer::jsonb
     FROM unnest($2::int[], $3::int[], $4::text[]) AS gold(id, position, answer)
     JOIN "Generation" g ON g.id = gold.id JOIN "Question" q ON q.id = g."questionId"
     ${LATEST_VERDICT_LATERAL}
     ON CONFLICT ("queueId", "generationId") DO UPDATE SET "isGold" = true, "goldAnswer" = EXCLUDED."goldAnswer", position = EXCLUDED.position`,
    [queueId, ids, positions, answers],
  );
  return result.rowCount ?? 0;
}

export async function addMembers(client: pg.PoolClient, queueId: number, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await client.query(`INSERT INTO "ReviewQueueMember" ("queueId", "userId") SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
    queueId,
    userIds,
  ]);
}

async function requireCycle(client: pg.PoolClient, cycleId: number): Promise<void> {
  const { rowCount } = await client.query(`SELECT 1 FROM "Cycle" WHERE id = $1`, [cycleId]);
  if (!rowCount) throw invalidField("cycleId", `cycleId: cycle ${cycleId} does not exist`);
}

export async function requireActiveUsers(client: pg.PoolClient, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE id = ANY($1::text[]) AND active`, [userIds]);
  const found = new Set(rows.map((row) => row.id));
  const missing = userIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw invalidField("assignees", `assignees: no active user with id ${missing.join(", ")}`);
}

/** Gold items are generations of the queue's own cycle: one from another cycle would not be reviewed with it. */
async function requireGoldOfCycle(client: pg.PoolClient, cycleId: number, generationIds: readonly number[]): Promise<void> {
  if (generationIds.length === 0) return;
  const { rows } = await client.query<{ id: number; cycleId: number }>(`SELECT id, "cycleId" FROM "Generation" WHERE id = ANY($1::int[])`, [
    generationIds,
  ]);
  const cycleOf = new Map(rows.map((row) => [row.id, row.cycleId]));
  const missing = generationIds.filter((id) => !cycleOf.has(id));
  if (missing.length > 0) throw invalidField("gold", `gold: generation ${missing.join(", ")} does not exist`);
  const elsewhere = generationIds.filter((id) => cycleOf.get(id) !== cycleId);
  if (elsewhere.length > 0) {
    throw invalidField(
      "gold",
      `gold: generation ${elsewhere.join(", ")} is not from cycle ${cycleId}; gold items come from the queue's cycle`,
    );
  }
}
