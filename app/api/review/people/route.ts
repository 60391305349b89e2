import { listAssignableUsers } from "@/lib/review";
import { reviewRoute } from "../_lib/review-route";

/** People who can be made queue members. */
export const GET = reviewRoute({ access: "research" }, async () => ({ people: await listAssignableUsers() }));
