import { z } from "zod";
import { editTemplate } from "@/lib/datasets/template-editing";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** Changes a template's wording; its placeholders must be ones its kind offers. */
export const PATCH = route(
  {
    access: "research",
    params: idParams("id", "templateId"),
    body: z.object({ text: z.string().trim().min(1, "the text cannot be empty").max(2000) }),
  },
  async ({ params, body, actor }) => {
    const template = await editTemplate(params.id, params.templateId, body.text, actor);
    return { template };
  },
);
export type PatchDatasetTemplateResponse = ResponseBody<typeof PATCH>;
