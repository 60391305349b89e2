import { ModeQuery, RunParams, runTrend } from "@/lib/aqa-review";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** The AQA metrics of every cycle of the run, in order. */
export const GET = route({ access: "aqa", params: RunParams, query: ModeQuery }, async ({ params, query }) => {
  const trend = await runTrend(params.runId, query.mode);
  if (trend === null) throw notFound(`Run ${params.runId}`);
  return trend;
});
