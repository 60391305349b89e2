import { z } from "zod";
import { compareCycles } from "@/lib/cockpit/charts/comparison-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { rowId } from "@/lib/http/schemas";

const query = z.object({ a: rowId, b: rowId });

/** Two cycles side by side: yields, audits, evaluation, usage and what their configurations change. */
export const GET = route({ access: "research", query }, async ({ query }) => {
  const comparison = await compareCycles(query.a, query.b);
  if (!comparison) throw notFound(`Cycle ${query.a} or ${query.b}`);
  return comparison;
});
