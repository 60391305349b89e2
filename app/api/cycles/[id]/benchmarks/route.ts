import { z } from "zod";
import { runBenchmarks } from "@/lib/cycles/benchmark-view";
import { route } from "@/lib/http/route";
import type { ResponseBody } from "@/lib/http/response-body";
import { idParams } from "@/lib/http/schemas";

/** A run's lmms-eval figures: the base model and every cycle per task, the change and the paper's gain. */
export const GET = route({ access: "research", params: idParams("id"), query: z.object({}) }, async ({ params }) =>
  runBenchmarks(params.id),
);
export type GetCycleBenchmarksResponse = ResponseBody<typeof GET>;
