import type pg from "pg";
import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { type ExplorerFilters, explorerFiltersSchema, filtersToQuery } from "./explorer-filters";
import { explorerMatchSql } from "./explorer-sql";
import { invalidField, invalidInput } from "@/lib/errors/domain-error";
import { bodyRowId } from "@/lib/http/schemas";
import { withTransaction } from "@/lib/review/db/transaction";
import { LATEST_VERDICT_LATERAL, NOW } from "@/lib/review/db/sql-fragments";
import { queueNotFound } from "@/lib/review/errors";
import { STRATUM_SQL } from "@/lib/review/sampling/stratum";

/** The most generations one request adds: a larger filter is refused, to be narrowed or added in parts. */
const MAX_GENERATIONS_PER_ADD = 20_000;

/** Either the generations picked one by one in the explorer, or everything its filters (and search) match. */
export const addGenerationsSchema = z.union([
  z.object({
    generationIds: z
      .array(bodyRowId)
      .min(1, "Select at least one generation")
      .max(MAX_GENERATIONS_PER_ADD, `At most ${MAX_GENERATIONS_PER_ADD.toLocaleString("en-US")} generations at once`),
  }),
  z.object({ filters: explorerFiltersSchema }),
]);
export type AddGenerations = z.output<typeof addGenerationsSchema>;

export interface AddedGenerations {
  queueId: number;
  /** Generations the selection or the filters named. */
  matched: number;
  added: number;
  /** Already in the queue: left where they were. */
  duplicates: number;
  /** Evaluation answers, which review queues do not take. */
  notReviewable: number;
  /** The queue's size after the add. */
  size: number;
}

/**
 * Adds generations to an existing review queue at its end, in id order, in one transaction with its
 * `review.queue.add-items` audit entry. Set-based: the matching ids go to a temporary table and the
 * items are inserted from it in one statement. Items keep the queue's invariants: one per generation
 * (those already in are skipped and counted), the stratum they belong to, not gold, and — for a
 * queue of one cycle — only that cycle's generations (otherwise the whole add is refused).
 */
export async function addGenerationsToQueue(
  queueId: number,
  input: AddGenerations,
  actor: Actor,
  cap = MAX_GENERATIONS_PER_ADD,
): Promise<AddedGenerations> {
  return withTransaction(async (client) => {
    const queue = await lockQueue(client, queueId);
    await client.query(
      `CREATE TEMPORARY TABLE queue_additions (id int PRIMARY KEY, "cycleId" int NOT NULL, mode text NOT NULL) ON COMMIT DROP`,
    );
    const matched =
      "filters" in input ? await matchFilters(client, input.filters, cap) : await matchSelection(client, input.generationIds, cap);

    if (queue.cycleId !== null) {
      const { rows } = await client.query<{ elsewhere: number }>(
        `SELECT count(*)::int AS elsewhere FROM queue_additions WHERE "cycleId" <> $1`,
        [queue.cycleId],
      );
      const elsewhere = rows[0]?.elsewhere ?? 0;
      if (elsewhere > 0) {
        throw invalidField(
          "queueId",
          `${elsewhere.toLocaleString("en-US")} of the ${matched.toLocaleString("en-US")} generations are not from cycle ${queue.cycleIndex} of ${queue.runName}, the cycle of queue “${queue.name}”: filter the explorer on that cycle, or choose a queue of their cycle`,
        );
      }
    }

    const { rows: counts } = await client.query<{ reviewable: number }>(
      `SELECT count(*)::int AS reviewable FROM queue_additions WHERE mode <> 'EVALUATION'`,
    );
    const reviewable = counts[0]?.reviewable ?? 0;
    const inserted = await client.query(
      `INSERT INTO "ReviewQueueItem" ("queueId", "generationId", position, stratum)
       SELECT $1, g.id, $2::int + (row_number() OVER (ORDER BY g.id))::int - 1, ${STRATUM_SQL}
       FROM queue_additions a
       JOIN "Generation" g ON g.id = a.id
       JOIN "Question" q ON q.id = g."questionId"
       ${LATEST_VERDICT_LATERAL}
       WHERE a.mode <> 'EVALUATION'
         AND NOT EXISTS (SELECT 1 FROM "ReviewQueueItem" i WHERE i."queueId" = $1 AND i."generationId" = a.id)
       ON CONFLICT ("queueId", "generationId") DO NOTHING`,
      [queueId, queue.nextPosition],
    );
    const added = inserted.rowCount ?? 0;
    const { rows: sized } = await client.query<{ size: number }>(
      `UPDATE "ReviewQueue" SET size = (SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = $1)::int, "updatedAt" = ${NOW}
       WHERE id = $1 RETURNING size`,
      [queueId],
    );
    const result: AddedGenerations = {
      queueId,
      matched,
      added,
      duplicates: reviewable - added,
      notReviewable: matched - reviewable,
      size: sized[0]?.size ?? 0,
    };
    await recordAuditWithPg(client, actor, {
      action: "review.queue.add-items",
      targetId: queueId,
      details: {
        source: "filters" in input ? "filters" : "selection",
        filters: "filters" in input ? filtersToQuery(input.filters) : null,
        matched,
        added,
        duplicates: result.duplicates,
        notReviewable: result.notReviewable,
      },
    });
    return result;
  });
}

interface LockedQueue {
  name: string;
  cycleId: number | null;
  cycleIndex: number | null;
  runName: string | null;
  nextPosition: number;
}

/** The queue, locked against a concurrent add (which would take the same positions) and against deletion. */
async function lockQueue(client: pg.PoolClient, queueId: number): Promise<LockedQueue> {
  const { rows } = await client.query<Omit<LockedQueue, "nextPosition">>(
    `SELECT rq.name, rq."cycleId", c.index AS "cycleIndex", r.name AS "runName"
     FROM "ReviewQueue" rq LEFT JOIN "Cycle" c ON c.id = rq."cycleId" LEFT JOIN "Run" r ON r.id = c."runId"
     WHERE rq.id = $1 FOR UPDATE OF rq`,
    [queueId],
  );
  const queue = rows[0];
  if (!queue) throw queueNotFound(queueId);
  const { rows: next } = await client.query<{ next: number }>(
    `SELECT coalesce(max(position) + 1, 0)::int AS next FROM "ReviewQueueItem" WHERE "queueId" = $1`,
    [queueId],
  );
  return { ...queue, nextPosition: next[0]?.next ?? 0 };
}

/** Everything the filters match, up to one past the cap (to tell "too many" without counting them all). */
async function matchFilters(client: pg.PoolClient, filters: ExplorerFilters, cap: number): Promise<number> {
  const match = explorerMatchSql(filters, cap + 1);
  const { rowCount } = await client.query(
    `INSERT INTO queue_additions (id, "cycleId", mode) SELECT id, "cycleId", mode::text FROM (${match.text}) m`,
    match.values,
  );
  const matched = rowCount ?? 0;
  if (matched > cap) {
    throw invalidInput(
      `These filters match more than ${cap.toLocaleString("en-US")} generations, the most one add takes: narrow them (a cycle, a dataset, a mode, a verdict) or add them in parts`,
    );
  }
  return matched;
}

async function matchSelection(client: pg.PoolClient, generationIds: readonly number[], cap: number): Promise<number> {
  if (generationIds.length > cap) {
    throw invalidField(
      "generationIds",
      `At most ${cap.toLocaleString("en-US")} generations at once; ${generationIds.length.toLocaleString("en-US")} were selected`,
    );
  }
  const { rowCount } = await client.query(
    `INSERT INTO queue_additions (id, "cycleId", mode)
     SELECT g.id, g."cycleId", g.mode::text FROM "Generation" g WHERE g.id = ANY($1::int[])`,
    [generationIds],
  );
  const found = rowCount ?? 0;
  const distinct = new Set(generationIds).size;
  if (found < distinct) {
    throw invalidField(
      "generationIds",
      `${distinct - found} of the selected generations no longer exist: reload the explorer and select again`,
    );
  }
  return found;
}
