import { z } from "zod";
import { limitSchema, listQueueItems, queueForUser } from "@/lib/review";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** The queue's items in order with their progress (for researchers), keyset-paged. */
export const GET = route(
  { access: "research", params: queueParams, query: z.object({ cursor: z.string().optional(), limit: limitSchema }) },
  async ({ user, params, query }) => {
    await queueForUser(user, params.queueId);
    return listQueueItems(params.queueId, query);
  },
);
