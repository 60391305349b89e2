import { Readable } from "node:stream";
import { CycleParams, cycleHeader, cycleReportCsv, ModeQuery, reportFileName } from "@/lib/aqa-review";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** Every dive of the cycle with its figures, flags and sign-offs, streamed as CSV. */
export const GET = route({ access: "aqa", params: CycleParams, query: ModeQuery }, async ({ params, query, actor }) => {
  const cycle = await cycleHeader(params.cycleId);
  const csv = cycle === null ? null : await cycleReportCsv(params.cycleId, query.mode, actor);
  if (cycle === null || csv === null) throw notFound(`Cycle ${params.cycleId}`);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFileName(cycle, query.mode)}"`,
      "cache-control": "no-store",
    },
  });
});
