/** Filters of a cycle's dive list (client-safe: no imports). */
export const DIVE_FILTERS = ["all", "flagged", "no-score", "difficulty-wrong", "sequence-wrong", "unsigned", "rejected"] as const;
export type DiveFilter = (typeof DIVE_FILTERS)[number];

export const DIVE_FILTER_LABELS: Record<DiveFilter, string> = {
  all: "All dives",
  flagged: "Arithmetic flagged",
  "no-score": "No score stated",
  "difficulty-wrong": "Difficulty wrong",
  "sequence-wrong": "Sub-actions wrong",
  unsigned: "Not signed off by me",
  rejected: "Rejected by someone",
};
