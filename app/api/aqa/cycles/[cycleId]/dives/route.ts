import { cycleDivesPage, CycleDivesQuery, CycleParams, cycleHeader } from "@/lib/aqa-review";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** A page of the cycle's dives with their figures and sign-offs; `cursor` is the previous page's nextCursor. */
export const GET = route({ access: "aqa", params: CycleParams, query: CycleDivesQuery }, async ({ params, query, user }) => {
  if ((await cycleHeader(params.cycleId)) === null) throw notFound(`Cycle ${params.cycleId}`);
  return cycleDivesPage(params.cycleId, query, user.id);
});
export type GetAqaCycleDivesResponse = ResponseBody<typeof GET>;
