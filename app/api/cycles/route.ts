import { z } from "zod";
import { launchRun, listRuns } from "@/lib/cycles";
import { invalidInput } from "@/lib/errors/domain-error";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { pageQuery } from "@/lib/http/schemas";

/** Runs of cycles, newest first; `cursor` is the last id of the previous page. */
export const GET = route(
  {
    access: "research",
    query: pageQuery,
  },
  async ({ query }) => {
    const runs = await listRuns({ limit: query.limit, beforeId: query.cursor });
    return { runs, nextCursor: runs.length === query.limit ? (runs[runs.length - 1]?.id ?? null) : null };
  },
);

/** Launches a run of Video-STaR cycles: `{ config }` (lib/cycles/config.ts; defaults are the paper's). */
export const POST = route({ access: "research", body: z.object({ config: z.unknown() }) }, async ({ body, actor }) => {
  if (body.config === undefined) throw invalidInput("Invalid body: config: a cycle configuration is required");
  const launched = await launchRun(body.config, actor);
  return json(launched, { status: 201 });
});
export type PostCyclesResponse = ResponseBody<typeof POST>;
