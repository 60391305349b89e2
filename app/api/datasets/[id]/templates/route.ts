import { listTemplates } from "@/lib/datasets/dataset-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** The dataset's question templates (the next import renders its questions from them). */
export const GET = route({ access: "research", params: idParams("id") }, async ({ params }) => ({
  templates: await listTemplates(params.id),
}));
export type GetDatasetTemplatesResponse = ResponseBody<typeof GET>;
