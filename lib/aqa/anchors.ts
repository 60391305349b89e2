/**
 * Best published results on FineDiving, as recorded in DESIGN.md: Spearman ρ ≈ 0.94 and relative L2
 * (× 100) ≈ 0.26. Shown beside the project's own figures for orientation.
 */
export const FINEDIVING_PUBLISHED_ANCHORS = {
  spearman: 0.94,
  relativeL2x100: 0.26,
} as const;
