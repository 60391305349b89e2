import { generationDetail } from "@/lib/cockpit/generations/generation-detail-repository";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

export const GET = route({ access: "researchOrPi", params }, async ({ params }) => {
  const generation = await generationDetail(params.id);
  if (!generation) throw notFound(`Generation ${params.id}`);
  return { generation };
});
export type GetGenerationResponse = ResponseBody<typeof GET>;
