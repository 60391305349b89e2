import { diveReview, GenerationParams } from "@/lib/aqa-review";
import { notFound, unprocessable } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** One dive's review: figures, marked rationale, timeline, difficulty check and sign-offs. */
export const GET = route({ access: "aqa", params: GenerationParams }, async ({ params }) => {
  const result = await diveReview(params.generationId);
  if (result.kind === "not-found") throw notFound(`FineDiving answer ${params.generationId}`);
  if (result.kind === "not-reviewable") throw unprocessable(result.message);
  return result.review;
});
