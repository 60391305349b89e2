import { findVideoDetail } from "@/lib/datasets/dataset-repository";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** One video of a dataset with its labels and questions. */
export const GET = route({ access: "research", params: idParams("id", "videoId") }, async ({ params }) => {
  const video = await findVideoDetail(params.id, params.videoId);
  if (video === null) throw notFound("The video");
  return { video };
});
export type GetDatasetVideoResponse = ResponseBody<typeof GET>;
