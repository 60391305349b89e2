import { beforeAll, expect, test } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { DomainError } from "@/lib/errors/domain-error";
import { createQueueSchema } from "../schemas/queue-schemas";
import { closeConnectionsAfterAll } from "../testing/db-hooks";
import { createReviewer, seedReviewFixture } from "../testing/review-fixture";
import { createQueue } from "./create-queue";
import { deleteQueue } from "./queue-repository";
import { updateQueue } from "./update-queue";

closeConnectionsAfterAll();

let researcher: Actor;
let annotatorId: string;
let cycleId: number;

beforeAll(async () => {
  const fixture = await seedReviewFixture({ tag: `queue-audit-${Date.now()}`, questions: 6 });
  cycleId = fixture.cycleIds[0]!;
  researcher = { userId: (await createReviewer("queue-audit", "RESEARCHER")).id, ip: "192.0.2.70" };
  annotatorId = (await createReviewer("queue-audit")).id;
});

const newQueue = (name: string) =>
  createQueue(createQueueSchema.parse({ name, cycleId, size: 4, gold: [], assignees: [annotatorId] }), researcher);
const queueName = async (queueId: number) =>
  (await prisma().reviewQueue.findUnique({ where: { id: queueId }, select: { name: true } }))?.name;

test("creating, changing and deleting a queue each record the acting researcher", async () => {
  const created = await newQueue("audited queue");
  await updateQueue(created.id, { name: "renamed queue", status: "CLOSED" }, researcher);
  await deleteQueue(created.id, researcher);

  expect(await auditTrail("review.queue.create", created.id)).toEqual([
    {
      actorId: researcher.userId,
      targetType: "ReviewQueue",
      ipAddress: "192.0.2.70",
      details: { cycleId, sampling: "UNIFORM", size: created.size, overlap: 1, assignees: 1, gold: 0 },
    },
  ]);
  expect(await auditTrail("review.queue.update", created.id)).toMatchObject([
    { actorId: researcher.userId, details: { name: "renamed queue", status: "CLOSED" } },
  ]);
  expect(await auditTrail("review.queue.delete", created.id)).toMatchObject([{ actorId: researcher.userId, details: {} }]);
});

test("a queue creation that fails at commit leaves no queue and no audit entry", async () => {
  const entries = await auditCount("review.queue.create");
  await expect(withFailingCommits("ReviewQueue", () => newQueue("never created"))).rejects.toThrow(/forced failure/);
  expect(await prisma().reviewQueue.count({ where: { name: "never created" } })).toBe(0);
  expect(await auditCount("review.queue.create")).toBe(entries);
});

test("a change or deletion that fails at commit, or is refused, leaves the queue as it was and records nothing", async () => {
  const { id } = await newQueue("kept queue");
  await expect(withFailingCommits("ReviewQueue", () => updateQueue(id, { name: "never renamed" }, researcher))).rejects.toThrow(
    /forced failure/,
  );
  await expect(updateQueue(id, { name: "never renamed", addAssignees: ["nobody-at-all"] }, researcher)).rejects.toBeInstanceOf(DomainError);
  await expect(withFailingCommits("ReviewQueue", () => deleteQueue(id, researcher))).rejects.toThrow(/forced failure/);
  expect(await queueName(id)).toBe("kept queue");
  expect(await auditTrail("review.queue.update", id)).toEqual([]);
  expect(await auditTrail("review.queue.delete", id)).toEqual([]);
});

test("deleting a queue that does not exist is refused and records nothing", async () => {
  await expect(deleteQueue(2_000_000_000, researcher)).rejects.toBeInstanceOf(DomainError);
  expect(await auditTrail("review.queue.delete", 2_000_000_000)).toEqual([]);
});
