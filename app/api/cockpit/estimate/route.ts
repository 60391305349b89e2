import { cycleConfigSchema } from "@/lib/cycles/config";
import { estimateForConfig } from "@/lib/cockpit/launch/estimate-repository";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/**
 * Validates a launch configuration without launching and estimates what it will take:
 * generations, tokens and time. Problems come back per field, as the launch itself reports them.
 */
export const POST = route({ access: "research", body: cycleConfigSchema }, async ({ body }) => {
  const result = await estimateForConfig(body);
  if (!result.ok) {
    const issues = result.issues.map((issue) => ({ field: `body.${issue.field}`, message: issue.message }));
    throw new HttpError(400, `Invalid body: ${result.issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ")}`, { issues });
  }
  return { estimate: result.estimate };
});
