import { z } from "zod";
import { AQA_MODES, listAqaRuns } from "@/lib/aqa-review";
import { route } from "@/lib/http/route";

const RunsQuery = z.object({ mode: z.enum(AQA_MODES).optional() });

/** Runs with FineDiving AQA answers (of one mode, or either), their cycles and how many AQA answers each holds. */
export const GET = route({ access: "aqa", query: RunsQuery }, async ({ query }) => ({
  runs: await listAqaRuns(query.mode ? [query.mode] : AQA_MODES),
}));
