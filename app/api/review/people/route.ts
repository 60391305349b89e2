import { listAssignableUsers } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** People who can be made queue members. */
export const GET = route({ access: "research" }, async () => ({ people: await listAssignableUsers() }));
export type GetReviewPeopleResponse = ResponseBody<typeof GET>;
