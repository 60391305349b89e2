import { diveReview, GenerationParams } from "@/lib/aqa-review";
import { HttpError, notFound } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/** One dive's review: figures, marked rationale, timeline, difficulty check and sign-offs. */
export const GET = route({ access: "aqa", params: GenerationParams }, async ({ params }) => {
  const result = await diveReview(params.generationId);
  if (result.kind === "not-found") throw notFound(`FineDiving answer ${params.generationId}`);
  if (result.kind === "not-reviewable") throw new HttpError(422, result.message);
  return result.review;
});
