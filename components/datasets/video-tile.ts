import type { GetDatasetVideosResponse } from "@/app/api/datasets/[id]/videos/route";

/** One clip of the dataset's grid, as the videos API lists it. */
export type VideoTile = GetDatasetVideosResponse["videos"][number];
