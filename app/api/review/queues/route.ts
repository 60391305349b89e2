import { createQueue, createQueueSchema, listQueues } from "@/lib/review";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";

/** The queues this person may work on (annotators: their own), newest first, keyset-paged. */
export const GET = route({ access: "review", query: tokenPageQuery }, async ({ user, query }) => listQueues(user, query));

/** A new queue sampled from a cycle. */
export const POST = route({ access: "research", body: createQueueSchema }, async ({ body, actor }) => {
  const created = await createQueue(body, actor);
  return Response.json(created, { status: 201 });
});
