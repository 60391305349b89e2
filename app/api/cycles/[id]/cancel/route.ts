import { cancelRun } from "@/lib/cycles";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** Cancels a run's current cycle (and its training job); what it produced is kept. */
export const POST = route({ access: "research", params: idParams("id") }, async ({ params, actor }) => {
  const result = await cancelRun(params.id, actor);
  return { ok: true, ...result };
});
export type PostCycleCancelResponse = ResponseBody<typeof POST>;
