import type { Target } from "@/lib/verifier";

/**
 * Intervals and timestamps whose label does not say how long the clip is get the probed length of
 * the clip the model was shown: the released rules compare times as fractions of it.
 */
export function withClipDuration(targets: readonly Target[], duration: number | null | undefined): readonly Target[] {
  if (duration == null || !(duration > 0)) return targets;
  return targets.map((target) =>
    (target.labelType === "timestamp" || target.labelType === "interval") && target.label.duration === undefined
      ? ({ ...target, label: { ...target.label, duration } } as Target)
      : target,
  );
}

/** Whether any target would take the clip's probed length (its label has none). */
export function needsClipDuration(targets: unknown): boolean {
  return (
    Array.isArray(targets) &&
    targets.some((target: unknown) => {
      if (typeof target !== "object" || target === null) return false;
      const { labelType, label } = target as { labelType?: unknown; label?: unknown };
      if (labelType !== "timestamp" && labelType !== "interval") return false;
      return typeof label === "object" && label !== null && (label as { duration?: unknown }).duration === undefined;
    })
  );
}
