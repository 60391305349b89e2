import { z } from "zod";
import { runStatus } from "@/lib/cycles";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** A run's status: every cycle with its per-stage counters, item errors, training and evaluation. */
export const GET = route({ access: "research", params: z.object({ id: z.coerce.number().int().positive() }) }, async ({ params }) => {
  const status = await runStatus(params.id);
  if (!status) throw notFound(`Run ${params.id}`);
  return status;
});
