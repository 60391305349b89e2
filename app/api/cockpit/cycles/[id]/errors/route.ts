import { cycleErrorGroups } from "@/lib/cockpit/cycles/cycle-progress-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** Unresolved item errors of the cycle, grouped by stage and reason. */
export const GET = route({ access: "research", params }, async ({ params }) => ({ groups: await cycleErrorGroups(params.id) }));
export type GetCockpitCycleErrorsResponse = ResponseBody<typeof GET>;
