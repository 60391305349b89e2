/** TanStack Query keys of generation comments. */
export const commentKeys = {
  all: ["comments"] as const,
  generation: (generationId: number) => [...commentKeys.all, "generation", generationId] as const,
};
