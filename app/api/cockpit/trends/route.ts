import { z } from "zod";
import { cycleTrends } from "@/lib/cockpit/charts/trend-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { optionalRowId } from "@/lib/http/schemas";

const query = z.object({
  runId: optionalRowId,
  limit: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(100).default(30)),
});

/** Yield, hallucination rate, verifier precision and evaluation accuracy across cycles (one run's, or the latest). */
export const GET = route({ access: "research", query }, async ({ query }) => cycleTrends(query));
export type GetCockpitTrendsResponse = ResponseBody<typeof GET>;
