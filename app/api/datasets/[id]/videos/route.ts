import { z } from "zod";
import { listVideosPage } from "@/lib/datasets/dataset-repository";
import { route } from "@/lib/http/route";

/** A dataset's videos in id order, a page at a time (keyset: ?cursor=<last id>). */
export const GET = route(
  {
    access: "research",
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({
      cursor: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(200).default(48),
      split: z.string().max(100).optional(),
      status: z.enum(["PENDING", "READY", "UNPLAYABLE"]).optional(),
    }),
  },
  async ({ params, query }) => listVideosPage(params.id, query.cursor, query.limit, { split: query.split, status: query.status }),
);
