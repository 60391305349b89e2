import { z } from "zod";
import { listTemplates } from "@/lib/datasets/dataset-repository";
import { route } from "@/lib/http/route";

/** The dataset's question templates (the next import renders its questions from them). */
export const GET = route({ access: "research", params: z.object({ id: z.coerce.number().int().positive() }) }, async ({ params }) => ({
  templates: await listTemplates(params.id),
}));
