import { z } from "zod";
import { benchmarkResultsFile } from "@/lib/cycles/benchmark-view";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const Query = z.object({ cycle: z.coerce.number().int().min(0) });

/** lmms-eval's results file of the base model (cycle=0) or a cycle, as it wrote it. */
export const GET = route({ access: "research", params: idParams("id"), query: Query }, async ({ params, query }) => {
  const stored = await benchmarkResultsFile(params.id, query.cycle);
  if (!stored) throw notFound(`The results file of run ${params.id}, cycle ${query.cycle}`);
  const name = stored.simulated ? stored.fileName.replace(/\.json$/, ".simulated.json") : stored.fileName;
  return new Response(JSON.stringify(stored.file, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
