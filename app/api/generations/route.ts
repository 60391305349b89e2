import { explorerQuerySchema } from "@/lib/cockpit/generations/explorer-filters";
import { exploreGenerations } from "@/lib/cockpit/generations/explorer-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** One keyset page of generations matching the filters, newest first. */
export const GET = route({ access: "researchOrPi", query: explorerQuerySchema }, async ({ query }) => exploreGenerations(query));
export type GetGenerationsResponse = ResponseBody<typeof GET>;
