import { createQueue, createQueueSchema, listQueues } from "@/lib/review";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";

/** The queues this person may work on (annotators: their own), newest first, keyset-paged. */
export const GET = route({ access: "review", query: tokenPageQuery }, async ({ user, query }) => listQueues(user, query));
export type GetReviewQueuesResponse = ResponseBody<typeof GET>;

/** A new queue sampled from a cycle. */
// Up to 1,000 gold items with notes of up to 2,000 characters each.
export const POST = route({ access: "research", body: createQueueSchema, maxBodyBytes: 4 * 1024 * 1024 }, async ({ body, actor }) => {
  const created = await createQueue(body, actor);
  return json(created, { status: 201 });
});
export type PostReviewQueuesResponse = ResponseBody<typeof POST>;
