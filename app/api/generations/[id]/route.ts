import { z } from "zod";
import { generationDetail } from "@/lib/cockpit/generations/generation-detail-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

const params = z.object({ id: z.coerce.number().int().positive() });

export const GET = route({ access: "research", params }, async ({ params }) => {
  const generation = await generationDetail(params.id);
  if (!generation) throw notFound(`Generation ${params.id}`);
  return { generation };
});
