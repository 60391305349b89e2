import { z } from "zod";
import { editTemplate, TemplateEditError } from "@/lib/datasets/template-editing";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/** Changes a template's wording; its placeholders must be ones its kind offers. */
export const PATCH = route(
  {
    access: "research",
    params: z.object({ id: z.coerce.number().int().positive(), templateId: z.coerce.number().int().positive() }),
    body: z.object({ text: z.string().trim().min(1, "the text cannot be empty").max(2000) }),
  },
  async ({ user, params, body, ip }) => {
    try {
      const template = await editTemplate(params.id, params.templateId, body.text, { userId: user.id, ip });
      return { template };
    } catch (error) {
      if (error instanceof TemplateEditError) throw new HttpError(error.status, error.message);
      throw error;
    }
  },
);
