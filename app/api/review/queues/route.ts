import { recordAuditEvent } from "@/lib/auth/audit-log";
import { createQueue, createQueueSchema, listQueues } from "@/lib/review";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";

/** The queues this person may work on (annotators: their own), newest first, keyset-paged. */
export const GET = route({ access: "review", query: tokenPageQuery }, async ({ user, query }) => listQueues(user, query));

/** A new queue sampled from a cycle. */
export const POST = route({ access: "research", body: createQueueSchema }, async ({ user, body, ip }) => {
  const created = await createQueue(body, user.id);
  await recordAuditEvent({
    actorId: user.id,
    action: "review.queue.create",
    targetType: "ReviewQueue",
    targetId: created.id,
    details: {
      cycleId: body.cycleId,
      sampling: body.sampling,
      size: created.size,
      overlap: body.overlap,
      assignees: body.assignees.length,
      gold: created.gold,
    },
    ipAddress: ip,
  });
  return Response.json(created, { status: 201 });
});
