import { cycleConfigSchema } from "@/lib/cycles/config";
import { estimateForConfig } from "@/lib/cockpit/launch/estimate-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/**
 * Validates a launch configuration without launching and estimates what it will take:
 * generations, tokens and time. Problems come back per field, as the launch itself reports them.
 */
export const POST = route({ access: "research", body: cycleConfigSchema }, async ({ body }) => ({
  estimate: await estimateForConfig(body),
}));
export type PostCockpitEstimateResponse = ResponseBody<typeof POST>;
