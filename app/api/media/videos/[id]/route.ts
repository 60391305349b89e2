import { z } from "zod";
import { videoResponse } from "@/lib/datasets/media-responses";
import { route } from "@/lib/http/route";

// The playable MP4 of a video, by id; Range requests get 206 (players seek with them).
export const GET = route({ access: "anyone", params: z.object({ id: z.string() }) }, ({ request, params }) =>
  videoResponse(request, params.id),
);
