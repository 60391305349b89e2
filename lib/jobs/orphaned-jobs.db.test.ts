import { afterAll, expect, test } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { SERVER_START_GRACE_MS } from "@/lib/ops/heartbeat-interval";
import { takeOverOrphanedJobs } from "./orphaned-jobs";
import { processBoss, stopProcessBoss } from "./process-boss";
import { queues } from "./queues";

const sent: { queue: string; id: string }[] = [];

afterAll(async () => {
  // Nothing sent here may reach the workers of later test files.
  const boss = await processBoss();
  for (const job of sent) await boss.cancel(job.queue, job.id);
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
});

async function send(queue: string, data: object): Promise<string> {
  const id = await (await processBoss()).send(queue, data);
  if (!id) throw new Error(`no job sent to ${queue}`);
  sent.push({ queue, id });
  return id;
}

/** As if a worker had fetched the job `secondsAgo`. */
async function fetched(id: string, secondsAgo: number): Promise<void> {
  await pool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - make_interval(secs => $2) WHERE id = $1`, [
    id,
    secondsAgo,
  ]);
}

async function worker(id: string, beatSecondsAgo: number, jobIds: string[]): Promise<void> {
  await pool().query(
    `INSERT INTO "WorkerHeartbeat" (id, hostname, pid, queues, status, "lastBeatAt", "jobIds")
     VALUES ($1, 'test', 1, '{}', 'running', now() - make_interval(secs => $2), $3::uuid[])`,
    [id, beatSecondsAgo, jobIds],
  );
}

async function states(ids: string[]) {
  const { rows } = await pool().query<{ id: string; state: string; startsNow: boolean }>(
    `SELECT id, state, start_after <= now() AS "startsNow" FROM pgboss.job WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.id, { state: row.state, startsNow: row.startsNow }]));
}

test("a dead worker's jobs are handed out again at once; a live worker's, a just-fetched one and a queued one are left alone; one out of retries fails for good", async () => {
  // Just after the server started every beat looks old, and nothing is taken over yet.
  const { rows } = await pool().query<{ wait: number }>(
    `SELECT GREATEST(0, $1 - extract(epoch FROM now() - pg_postmaster_start_time()))::float AS wait`,
    [SERVER_START_GRACE_MS / 1000 + 1],
  );
  await new Promise((resolve) => setTimeout(resolve, rows[0]!.wait * 1000));

  const importQueue = queues.import.name;
  const pingQueue = queues.ping.name;
  const lost = await send(importQueue, { importId: 2_000_000_001 });
  const held = await send(importQueue, { importId: 2_000_000_002 });
  const justFetched = await send(importQueue, { importId: 2_000_000_003 });
  const queued = await send(importQueue, { importId: 2_000_000_004 });
  const spent = await send(pingQueue, { token: "no retries left" });
  for (const id of [lost, held, spent]) await fetched(id, 30);
  await fetched(justFetched, 2);
  const tag = Date.now().toString(36);
  await worker(`dead-${tag}`, 20, [lost, spent]);
  await worker(`live-${tag}`, 1, [held]);

  const orphans = await takeOverOrphanedJobs(await processBoss(), [importQueue, pingQueue]);
  const mine = orphans.filter((orphan) => sent.some((job) => job.id === orphan.id));
  expect(mine.sort((a, b) => a.queue.localeCompare(b.queue))).toEqual([
    { queue: importQueue, id: lost, data: { importId: 2_000_000_001 }, retried: true },
    { queue: pingQueue, id: spent, data: { token: "no retries left" }, retried: false },
  ]);
  expect(await states([lost, held, justFetched, queued, spent])).toEqual({
    // Failed as one of its retries, and free to start now rather than after the queue's 30 s delay.
    [lost]: { state: "retry", startsNow: true },
    [held]: { state: "active", startsNow: true },
    [justFetched]: { state: "active", startsNow: true },
    [queued]: { state: "created", startsNow: true },
    [spent]: { state: "failed", startsNow: true },
  });
  // Swept once: a second sweep finds nothing more of these.
  const again = await takeOverOrphanedJobs(await processBoss(), [importQueue, pingQueue]);
  expect(again.filter((orphan) => sent.some((job) => job.id === orphan.id))).toEqual([]);
});
