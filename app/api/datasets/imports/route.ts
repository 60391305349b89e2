import { listImports } from "@/lib/datasets/import-repository";
import { readImportRequest, submitImport } from "@/lib/datasets/web-import";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { optionalRowId, pageQuery } from "@/lib/http/schemas";

/** Import history, newest first (of one dataset with ?datasetId=); `cursor` is the previous page's nextCursor. */
export const GET = route(
  {
    access: "research",
    query: pageQuery.extend({ datasetId: optionalRowId }),
  },
  async ({ query }) => {
    const imports = await listImports({ datasetId: query.datasetId, beforeId: query.cursor, limit: query.limit });
    return { imports, nextCursor: imports.length === query.limit ? (imports[imports.length - 1]?.id ?? null) : null };
  },
);
export type GetDatasetImportsResponse = ResponseBody<typeof GET>;

/** Requests an import: JSON naming a file under an import root, or multipart with the file uploaded. Queued for the worker. */
export const POST = route({ access: "research" }, async ({ request, actor }) => {
  const options = await readImportRequest(request);
  const { importId } = await submitImport(options, actor);
  return json({ importId }, { status: 202 });
});
export type PostDatasetImportsResponse = ResponseBody<typeof POST>;
