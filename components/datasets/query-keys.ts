/** TanStack Query keys of the datasets area. */
export const datasetKeys = {
  all: ["datasets"] as const,
  imports: (datasetId: number | null) => [...datasetKeys.all, "imports", datasetId ?? "all"] as const,
  videos: (datasetId: number, filter: { split: string; status: string }) => [...datasetKeys.all, datasetId, "videos", filter] as const,
  video: (datasetId: number, videoId: number) => [...datasetKeys.all, datasetId, "video", videoId] as const,
  templates: (datasetId: number) => [...datasetKeys.all, datasetId, "templates"] as const,
};
