import { runStatus } from "@/lib/cycles";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** A run's status: every cycle with its per-stage counters, item errors, training and evaluation. */
export const GET = route({ access: "research", params: idParams("id") }, async ({ params }) => {
  const status = await runStatus(params.id);
  if (!status) throw notFound(`Run ${params.id}`);
  return status;
});
