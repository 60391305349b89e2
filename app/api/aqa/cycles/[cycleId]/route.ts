import { CycleParams, cycleDashboard, ModeQuery } from "@/lib/aqa-review";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** The cycle's AQA metrics (with bootstrap intervals and the published anchors) and scatter points. */
export const GET = route({ access: "aqa", params: CycleParams, query: ModeQuery }, async ({ params, query }) => {
  const dashboard = await cycleDashboard(params.cycleId, query.mode);
  if (dashboard === null) throw notFound(`Cycle ${params.cycleId}`);
  return dashboard;
});
