import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { processBoss, stopProcessBoss } from "@/lib/jobs/process-boss";
import { listProblemJobs } from "@/lib/ops/job-repository";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { POST as RETRY } from "./[id]/retry/route";
import { GET, type GetOpsJobsResponse } from "./route";

const ORIGIN = "http://localhost:3000";
// A queue of its own, so no other test's jobs are fetched here.
const QUEUE = `ops-test-${Date.now()}`;
let researcher: string;
let annotator: string;

beforeAll(async () => {
  researcher = await sessionCookieFor("RESEARCHER");
  annotator = await sessionCookieFor("ANNOTATOR");
  await (await processBoss()).createQueue(QUEUE);
});
afterAll(async () => {
  await stopProcessBoss();
  await disconnectPrisma();
});

function call(cookie: string, method: string, url: string) {
  return new Request(`${ORIGIN}${url}`, { method, headers: { cookie, origin: ORIGIN, "content-type": "application/json" } });
}
const noParams = { params: Promise.resolve({}) };
const jobParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** A real pg-boss job taken by a (pretend) worker whose handler threw. */
async function failedJob(message: string): Promise<string> {
  const boss = await processBoss();
  const id = await boss.send(QUEUE, { token: "t" }, { retryLimit: 0 });
  if (!id) throw new Error("no job id");
  const [taken] = await boss.fetch(QUEUE, { batchSize: 1 });
  expect(taken?.id).toBe(id);
  await boss.fail(QUEUE, id, new Error(message));
  return id;
}

async function jobsView(cookie = researcher): Promise<GetOpsJobsResponse> {
  const response = await GET(call(cookie, "GET", "/api/ops/jobs"), noParams);
  expect(response.status).toBe(200);
  return (await response.json()) as GetOpsJobsResponse;
}

test("a failed job appears with its error, and a retry puts it back in its queue with an audit entry", async () => {
  const before = (await jobsView()).queues.find((queue) => queue.queue === QUEUE);
  const id = await failedJob("backend answered 502");

  const view = await jobsView();
  const counts = view.queues.find((queue) => queue.queue === QUEUE);
  expect(counts?.failed).toBe((before?.failed ?? 0) + 1);
  expect(view.problems).toContainEqual(expect.objectContaining({ id, queue: QUEUE, state: "failed", error: "backend answered 502" }));

  const retried = await RETRY(call(researcher, "POST", `/api/ops/jobs/${id}/retry`), jobParams(id));
  expect(retried.status).toBe(200);
  expect(await retried.json()).toEqual({ retried: true, queue: QUEUE });

  const boss = await processBoss();
  expect((await boss.getJobById(QUEUE, id))?.state).toBe("retry");
  const after = await jobsView();
  expect(after.problems.some((job) => job.id === id)).toBe(false);
  expect(after.queues.find((queue) => queue.queue === QUEUE)?.queued).toBe((counts?.queued ?? 0) + 1);

  const audit = await prisma().auditLogEntry.findFirst({
    where: { action: "job.retry", targetId: id },
    select: { targetType: true, details: true },
  });
  expect(audit).toEqual({ targetType: "Job", details: { queue: QUEUE } });
  const [retaken] = await boss.fetch(QUEUE, { batchSize: 1 });
  expect(retaken?.id).toBe(id);
  await boss.complete(QUEUE, id);

  const again = await RETRY(call(researcher, "POST", `/api/ops/jobs/${id}/retry`), jobParams(id));
  expect(again.status).toBe(409);
});

test("annotators may neither see the jobs nor retry one", async () => {
  const id = await failedJob("nobody may retry me");
  expect((await GET(call(annotator, "GET", "/api/ops/jobs"), noParams)).status).toBe(403);
  const refused = await RETRY(call(annotator, "POST", `/api/ops/jobs/${id}/retry`), jobParams(id));
  expect(refused.status).toBe(403);
  expect((await (await processBoss()).getJobById(QUEUE, id))?.state).toBe("failed");
});

test("a job running longer than the threshold is listed; a fresh one is not", async () => {
  const boss = await processBoss();
  const id = await boss.send(QUEUE, { token: "slow" }, { retryLimit: 0 });
  const [taken] = await boss.fetch(QUEUE, { batchSize: 1 });
  expect(taken?.id).toBe(id);

  const fresh = await listProblemJobs({ longActiveSeconds: 600 });
  expect(fresh.some((job) => job.id === id)).toBe(false);
  const later = await listProblemJobs({ now: new Date(Date.now() + 11 * 60_000), longActiveSeconds: 600 });
  expect(later).toContainEqual(expect.objectContaining({ id, state: "active", error: null }));
  await boss.complete(QUEUE, id ?? "");
});
