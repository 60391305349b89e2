import { listCycles } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";

/** Cycles to sample a queue from, newest first, keyset-paged. */
export const GET = route({ access: "research", query: tokenPageQuery }, async ({ query }) => listCycles(query));
export type GetReviewCyclesResponse = ResponseBody<typeof GET>;
