import type { LabelType } from "@/lib/verifier/label-schemas";
import type { TargetVerdict } from "@/lib/verifier/verdict";

/** Where the released code raises and its data generation drops the item (caught by `run`'s bare except). */
export function droppedVerdict(labelType: LabelType, method: string, part: string, target: number, why: string): TargetVerdict {
  return {
    labelType,
    passed: false,
    score: 0,
    threshold: 1,
    comparison: ">=",
    method: `${method}:dropped`,
    matches: [{ matched: false, part, target, reason: `dropped by the released code: ${why}` }],
  };
}

/** Where the released rule needs something this installation lacks (embeddings, the clip's length). */
export function notAppliedVerdict(labelType: LabelType, method: string, part: string, target: number, why: string): TargetVerdict {
  return {
    labelType,
    passed: false,
    score: 0,
    threshold: 1,
    comparison: ">=",
    method: `${method}:not-applied`,
    matches: [{ matched: false, part, target, reason: `the released rule could not be applied: ${why}` }],
  };
}
