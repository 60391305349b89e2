import { cycleProgress } from "@/lib/cockpit/cycles/cycle-progress-repository";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** The cycle with each stage's progress, rate and ETA (polled by the cycle page). */
export const GET = route({ access: "research", params }, async ({ params }) => {
  const cycle = await cycleProgress(params.id);
  if (!cycle) throw notFound(`Cycle ${params.id}`);
  return { cycle };
});
export type GetCockpitCycleResponse = ResponseBody<typeof GET>;
