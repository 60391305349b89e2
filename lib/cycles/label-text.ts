import type { Target } from "@/lib/verifier";

/**
 * A question's targets as the answer text `{L}` of the rationalization prompt: the label said the
 * way an answer would say it (the class or caption itself, "a score of 85.78", "from 2s to 5s"...).
 */
export function labelText(targets: readonly Target[]): string {
  return targets.map(targetText).join("; ");
}

function targetText(target: Target): string {
  switch (target.labelType) {
    case "class":
    case "caption":
      return target.label;
    case "float":
      return target.label.name.trim() ? `a ${target.label.name.replace(/_/g, " ")} of ${target.label.value}` : String(target.label.value);
    case "bbox":
      return `[${target.label.box.map((v) => round(v, 2)).join(", ")}]`;
    case "interval":
      return `from ${round(target.label.start, 1)}s to ${round(target.label.end, 1)}s`;
    case "timestamp":
      return `at ${round(target.label.time, 1)} seconds`;
    case "sequence":
      return target.label.actions.join(", then ");
    case "same":
      return target.label.same ? "the same object" : "not the same object";
  }
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
