import { explorerQuerySchema } from "@/lib/cockpit/generations/explorer-filters";
import { countGenerations } from "@/lib/cockpit/generations/explorer-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** How many generations the explorer's filters and search match; asked apart from the pages so they never wait for it. */
export const GET = route({ access: "researchOrPi", query: explorerQuerySchema }, async ({ query }) => countGenerations(query));
export type GetGenerationsCountResponse = ResponseBody<typeof GET>;
