import { findImport } from "@/lib/datasets/import-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** One import: status, progress (records read), counts and its errors. */
export const GET = route({ access: "research", params: idParams("id") }, async ({ params }) => {
  const found = await findImport(params.id);
  if (found === null) throw notFound("The import");
  const { options: _options, ...summary } = found;
  return { import: summary };
});
