import { z } from "zod";
import { findVideoDetail } from "@/lib/datasets/dataset-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";

/** One video of a dataset with its labels and questions. */
export const GET = route(
  { access: "research", params: z.object({ id: z.coerce.number().int().positive(), videoId: z.coerce.number().int().positive() }) },
  async ({ params }) => {
    const video = await findVideoDetail(params.id, params.videoId);
    if (video === null) throw notFound("The video");
    return { video };
  },
);
