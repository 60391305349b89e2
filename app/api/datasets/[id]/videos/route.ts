import { z } from "zod";
import { listVideosPage } from "@/lib/datasets/dataset-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams, pageQuery } from "@/lib/http/schemas";

/** A dataset's videos in id order, a page at a time (keyset: ?cursor=<last id>). */
export const GET = route(
  {
    access: "research",
    params: idParams("id"),
    query: pageQuery.extend({
      split: z.string().max(100).optional(),
      status: z.enum(["PENDING", "READY", "UNPLAYABLE"]).optional(),
    }),
  },
  async ({ params, query }) => listVideosPage(params.id, query.cursor ?? 0, query.limit, { split: query.split, status: query.status }),
);
export type GetDatasetVideosResponse = ResponseBody<typeof GET>;
