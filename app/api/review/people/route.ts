import { listAssignableUsers } from "@/lib/review";
import { route } from "@/lib/http/route";

/** People who can be made queue members. */
export const GET = route({ access: "research" }, async () => ({ people: await listAssignableUsers() }));
