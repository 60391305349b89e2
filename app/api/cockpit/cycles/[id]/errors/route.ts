import { z } from "zod";
import { cycleErrorGroups } from "@/lib/cockpit/cycles/cycle-progress-repository";
import { route } from "@/lib/http/route";

const params = z.object({ id: z.coerce.number().int().positive() });

/** Unresolved item errors of the cycle, grouped by stage and reason. */
export const GET = route({ access: "research", params }, async ({ params }) => ({ groups: await cycleErrorGroups(params.id) }));
