import { z } from "zod";
import { findImport } from "@/lib/datasets/import-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** One import: status, progress (records read), counts and its errors. */
export const GET = route({ access: "research", params: z.object({ id: z.coerce.number().int().positive() }) }, async ({ params }) => {
  const found = await findImport(params.id);
  if (found === null) throw notFound("The import");
  const { options: _options, ...summary } = found;
  return { import: summary };
});
