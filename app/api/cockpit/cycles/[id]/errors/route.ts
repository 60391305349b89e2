import { cycleErrorGroups } from "@/lib/cockpit/cycles/cycle-progress-repository";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** Unresolved item errors of the cycle, grouped by stage and reason. */
export const GET = route({ access: "research", params }, async ({ params }) => ({ groups: await cycleErrorGroups(params.id) }));
