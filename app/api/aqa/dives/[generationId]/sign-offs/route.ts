import { explanationSignOffs, GenerationParams, signOffExplanation, SignOffInput } from "@/lib/aqa-review";
import { json } from "@/lib/http/json";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

export const GET = route({ access: "aqa", params: GenerationParams }, async ({ params }) => ({
  signOffs: await explanationSignOffs(params.generationId),
}));
export type GetAqaDiveSignOffsResponse = ResponseBody<typeof GET>;

/** The signed-in user's decision on the explanation (replacing their earlier one); audited. */
export const POST = route({ access: "aqa", params: GenerationParams, body: SignOffInput }, async ({ params, body, user, ip }) => {
  const signOff = await signOffExplanation({ generationId: params.generationId, actor: { userId: user.id, ip }, input: body });
  if (signOff === null) throw notFound(`FineDiving answer ${params.generationId}`);
  return json({ signOff, signOffs: await explanationSignOffs(params.generationId) }, { status: 200 });
});
export type PostAqaDiveSignOffsResponse = ResponseBody<typeof POST>;
