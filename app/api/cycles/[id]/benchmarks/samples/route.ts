import { z } from "zod";
import { benchmarkSamples } from "@/lib/cycles/benchmark-view";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import type { ResponseBody } from "@/lib/http/response-body";
import { idParams } from "@/lib/http/schemas";

const Query = z.object({ cycle: z.coerce.number().int().min(0), task: z.string().min(1).max(100) });

/** The answers lmms-eval logged (--log_samples) for one task of the base model (cycle=0) or a cycle. */
export const GET = route({ access: "research", params: idParams("id"), query: Query }, async ({ params, query }) => {
  const samples = await benchmarkSamples(params.id, query.cycle, query.task);
  if (!samples) throw notFound(`Samples of ${query.task} for run ${params.id}, cycle ${query.cycle}`);
  return samples;
});
export type GetCycleBenchmarkSamplesResponse = ResponseBody<typeof GET>;
