import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { startWorkerProcess, stopWorkerProcess } from "@/lib/cycles/testing/harness";
import { jobSender } from "@/lib/cycles/engine/job-sender";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { killSpawnedScripts, type SpawnedScript, waitFor } from "@/lib/testing/processes";
import { deliverWebhook } from "./deliver";
import { createRunEndNotification } from "./notification-repository";

// Webhook deliveries against a real HTTP endpoint in this process (node:http), answering as told.

interface Received {
  contentType: string | undefined;
  body: Record<string, unknown>;
}

let server: Server;
let endpoint: string;
const received: Received[] = [];
/** What the endpoint answers next, one entry per request; when empty, 200. */
const answers: (number | "hang")[] = [];
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      received.push({ contentType: request.headers["content-type"], body: JSON.parse(text) as Record<string, unknown> });
      const answer = answers.shift() ?? 200;
      if (answer === "hang") return;
      response.writeHead(answer, { "content-type": "text/plain" }).end(answer === 200 ? "ok" : "invalid_token");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/run-ends`;
});

afterEach(async () => {
  await stopWorkerProcess(worker);
  worker = undefined;
  received.length = 0;
  answers.length = 0;
});

afterAll(async () => {
  await killSpawnedScripts();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
});

/** A run that ended, and its notification with a pending delivery to `url`. */
async function endedRun(name: string, url: string, send = false): Promise<number> {
  const run = await prisma().run.create({ data: { name, config: {}, status: "DONE" }, select: { id: true } });
  const jobs = send ? await jobSender() : null;
  return inTransaction(async (tx) => {
    const created = await createRunEndNotification(tx, {
      userId: null,
      cycleId: 41,
      webhookUrl: url,
      end: { runId: run.id, runName: name, event: "DONE", cycleIndex: 2, givenUpItems: 0, error: null, simulated: true },
    });
    if (jobs) await jobs.sendWebhook(created.id, tx);
    return created.id;
  });
}

const delivery = (id: number) =>
  prisma().notification.findUniqueOrThrow({
    where: { id },
    select: { webhookStatus: true, webhookAttempts: true, webhookHttpStatus: true, webhookError: true, webhookAt: true },
  });

test("a delivery posts the JSON body with its Slack `text`, once: a delivered notification is not posted again", async () => {
  const id = await endedRun("hooked", endpoint);
  expect(await deliverWebhook(id, 5)).toEqual({ status: "DELIVERED", attempt: 1 });
  expect(received).toHaveLength(1);
  expect(received[0]?.contentType).toBe("application/json");
  expect(received[0]?.body).toMatchObject({
    text: expect.stringMatching(/^Run “hooked” \(simulated\) is done after 2 cycles\. http:\/\/\S+\/cycles\/41$/),
    event: "run.done",
    run: { name: "hooked", status: "DONE", cycleId: 41, simulated: true },
    notificationId: id,
  });
  expect(await delivery(id)).toMatchObject({ webhookStatus: "DELIVERED", webhookAttempts: 1, webhookHttpStatus: 200, webhookError: null });

  expect(await deliverWebhook(id, 5)).toEqual({ status: "SKIPPED", attempt: 0 });
  expect(received).toHaveLength(1);
});

test("a failing endpoint: each attempt is recorded, the last one fails the delivery for good", async () => {
  const id = await endedRun("refused", endpoint);
  answers.push(500, 403);
  await expect(deliverWebhook(id, 2)).rejects.toThrow(/attempt 1 of 2: the endpoint answered HTTP 500: invalid_token/);
  expect(await delivery(id)).toMatchObject({ webhookStatus: "RETRYING", webhookAttempts: 1, webhookHttpStatus: 500 });
  await expect(deliverWebhook(id, 2)).rejects.toThrow(/attempt 2 of 2: the endpoint answered HTTP 403/);
  expect(await delivery(id)).toMatchObject({
    webhookStatus: "FAILED",
    webhookAttempts: 2,
    webhookHttpStatus: 403,
    webhookError: "the endpoint answered HTTP 403: invalid_token",
  });
  expect(await deliverWebhook(id, 2)).toEqual({ status: "SKIPPED", attempt: 0 });
  expect(received).toHaveLength(2);
});

test("an endpoint that does not answer in time, or is not there, is a failed attempt that says so", async () => {
  process.env.NOTIFY_WEBHOOK_TIMEOUT_MS = "300";
  try {
    const id = await endedRun("slow", endpoint);
    answers.push("hang");
    await expect(deliverWebhook(id, 5)).rejects.toThrow(/did not answer within 300 ms/);
    expect(await delivery(id)).toMatchObject({ webhookStatus: "RETRYING", webhookHttpStatus: null });
  } finally {
    delete process.env.NOTIFY_WEBHOOK_TIMEOUT_MS;
  }
  const gone = await endedRun("nobody there", "http://127.0.0.1:9/hook");
  await expect(deliverWebhook(gone, 5)).rejects.toThrow(/could not be reached/);
  expect((await delivery(gone)).webhookError).toMatch(/^the endpoint could not be reached: fetch failed/);
});

test("the worker delivers from the queue and retries a failing endpoint after a back-off", async () => {
  answers.push(503);
  const id = await endedRun("retried by the worker", endpoint, true);
  worker = startWorkerProcess();
  const delivered = await waitFor(
    async () => {
      const row = await delivery(id);
      return row.webhookStatus === "DELIVERED" ? row : null;
    },
    `the delivery (worker output: ${worker.output().slice(-2000)})`,
    60_000,
  );
  expect(delivered).toMatchObject({ webhookAttempts: 2, webhookHttpStatus: 200, webhookError: null });
  expect(received.map((r) => r.body.notificationId)).toEqual([id, id]);
}, 90_000);
