import { z } from "zod";
import { benchmarkCsv } from "@/lib/cycles/benchmark-view";
import { route } from "@/lib/http/route";

const Query = z.object({
  runs: z
    .string()
    .regex(/^\d+(,\d+)*$/, "runs is a comma-separated list of run ids")
    .transform((value) => value.split(",").map(Number)),
});

/** Benchmark results across cycles of the given runs as CSV; simulated rows are marked. */
export const GET = route({ access: "research", query: Query }, async ({ query }) => {
  const csv = await benchmarkCsv(query.runs);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="benchmarks-runs-${query.runs.join("-")}.csv"`,
      "cache-control": "no-store",
    },
  });
});
