import { z } from "zod";
import { createQueue, createQueueSchema, limitSchema, listQueues } from "@/lib/review";
import { reviewRoute } from "../_lib/review-route";

/** The queues this person may work on (annotators: their own), newest first, keyset-paged. */
export const GET = reviewRoute(
  { access: "review", query: z.object({ cursor: z.string().optional(), limit: limitSchema }) },
  async ({ user, query }) => listQueues(user, query),
);

/** A new queue sampled from a cycle. */
export const POST = reviewRoute({ access: "research", body: createQueueSchema }, async ({ user, body, ip }) => {
  const created = await createQueue(body, { userId: user.id, ip });
  return Response.json(created, { status: 201 });
});
