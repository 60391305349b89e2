import { cancelImport } from "@/lib/datasets/cancel-import";
import { conflict } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import type { ResponseBody } from "@/lib/http/response-body";
import { idParams } from "@/lib/http/schemas";

/** Cancels a queued or running import (nothing is written); 409 when it has already finished. */
export const POST = route({ access: "research", params: idParams("id") }, async ({ params, user, actor }) => {
  if (!(await cancelImport(params.id, user.name, actor))) throw conflict("The import has already finished (or does not exist)");
  return { cancelled: true };
});

export type PostDatasetImportCancelResponse = ResponseBody<typeof POST>;
