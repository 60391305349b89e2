import type { AqaMode } from "@/lib/aqa-review/aqa-modes";
import type { DiveFilter } from "@/lib/aqa-review/dive-filters";

/** TanStack Query keys of the AQA review. */
export const aqaKeys = {
  all: ["aqa"] as const,
  dives: (cycleId: number, mode: AqaMode, filter: DiveFilter) => [...aqaKeys.all, "cycle", cycleId, mode, "dives", filter] as const,
  signOffs: (generationId: number) => [...aqaKeys.all, "dive", generationId, "sign-offs"] as const,
};
