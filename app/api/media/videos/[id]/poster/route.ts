import { z } from "zod";
import { posterResponse } from "@/lib/datasets/media-responses";
import { route } from "@/lib/http/route";

// The poster thumbnail of a video, by id.
export const GET = route({ access: "anyone", params: z.object({ id: z.string() }) }, ({ request, params }) =>
  posterResponse(request, params.id),
);
