import { queueMemberProgress } from "@/lib/review/progress/member-progress";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** Each member's done, in hand, remaining, pace and agreement with gold. */
export const GET = route({ access: "researchOrPi", params: queueParams }, async ({ user, params }) => ({
  members: await queueMemberProgress(user, params.queueId),
}));
export type GetReviewQueueProgressResponse = ResponseBody<typeof GET>;
