import { z } from "zod";
import { limitSchema, listMyHistory, queueForUser } from "@/lib/review";
import { queueParams, reviewRoute } from "../../../_lib/review-route";

/** The items this person took in the queue, most recent first, keyset-paged. */
export const GET = reviewRoute(
  { access: "review", params: queueParams, query: z.object({ cursor: z.string().optional(), limit: limitSchema }) },
  async ({ user, params, query }) => {
    await queueForUser(user, params.queueId);
    return listMyHistory(user.id, params.queueId, query);
  },
);
