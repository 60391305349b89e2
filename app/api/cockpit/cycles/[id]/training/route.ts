import { cycleTrainingRuns } from "@/lib/cockpit/cycles/training-runs-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** The cycle's training runs with their status and log tail (live from the backend while running). */
export const GET = route({ access: "research", params }, async ({ params }) => ({ runs: await cycleTrainingRuns(params.id) }));
export type GetCockpitCycleTrainingResponse = ResponseBody<typeof GET>;
