import { reassignLeases, reassignSchema } from "@/lib/review/progress/member-progress";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** Releases a member's leased items to the pool (toUserId null) or hands them to another member; audited. */
export const POST = route({ access: "researchOrPi", params: queueParams, body: reassignSchema }, async ({ user, params, body, actor }) =>
  reassignLeases(user, actor, params.queueId, body),
);
export type PostReviewQueueReassignResponse = ResponseBody<typeof POST>;
