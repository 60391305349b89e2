import { z } from "zod";
import { listImports } from "@/lib/datasets/import-repository";
import { ImportRequestError } from "@/lib/datasets/request-import";
import { readImportRequest, submitImport } from "@/lib/datasets/web-import";
import { HttpError } from "@/lib/http/http-error";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

/** Import history, newest first (of one dataset with ?datasetId=). */
export const GET = route(
  {
    access: "research",
    query: z.object({
      datasetId: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  async ({ query }) => ({ imports: await listImports(query) }),
);

/** Requests an import: JSON naming a file under an import root, or multipart with the file uploaded. Queued for the worker. */
export const POST = route({ access: "research" }, async ({ user, request, ip }) => {
  try {
    const options = await readImportRequest(request);
    const { importId } = await submitImport(options, { userId: user.id, ip });
    return json({ importId }, { status: 202 });
  } catch (error) {
    if (error instanceof ImportRequestError) throw new HttpError(400, error.message);
    throw error;
  }
});
