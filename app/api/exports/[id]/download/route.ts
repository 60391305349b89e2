import path from "node:path";
import { mediaRoot } from "@/lib/config/media-root";
import { downloadName } from "@/lib/cockpit/exports/download-name";
import { downloadFileOf } from "@/lib/cycles/exports/llama-factory-archive";
import { exportFile } from "@/lib/cockpit/exports/export-list-repository";
import { gone } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { resolveInside, serveFile } from "@/lib/media";

const params = idParams("id");

const CONTENT_TYPES: Record<string, string> = {
  ".jsonl": "application/x-ndjson",
  ".json": "application/json",
  ".zip": "application/zip",
};

/**
 * Streams a finished export's file, found by the Export's id alone (never a path from the client):
 * a JSON or JSON-lines file, or a LLaMA-Factory download's zip (dataset_info.json beside the data).
 */
export const GET = route({ access: "research", params }, async ({ params, request }) => {
  const file = await exportFile(params.id);
  const stored = await resolveInside(mediaRoot(), file.storagePath);
  if (!stored) throw new Error(`Export ${params.id} points outside the media store`);
  const absolute = await downloadFileOf(file.format, stored);
  if (!absolute) throw gone(`The file of export ${params.id} is no longer in the media store`);
  const response = await serveFile(request, absolute, {
    contentType: CONTENT_TYPES[path.extname(absolute)] ?? "application/octet-stream",
    cacheControl: "private, no-store",
  });
  if (!response) throw gone(`The file of export ${params.id} is no longer in the media store`);
  response.headers.set("content-disposition", `attachment; filename="${downloadName(params.id, file.cycleId, absolute)}"`);
  return response;
});
