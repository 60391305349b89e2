import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { listImports } from "@/lib/datasets/import-repository";
import { readImportRequest, submitImport } from "@/lib/datasets/web-import";
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
  const options = await readImportRequest(request);
  const { importId } = await submitImport(options, user.id);
  await recordAuditEvent({
    actorId: user.id,
    action: "dataset.import",
    targetType: "DatasetImport",
    targetId: importId,
    details: { datasetName: options.datasetName, format: options.format, file: options.displayName ?? options.file },
    ipAddress: ip,
  });
  return json({ importId }, { status: 202 });
});
