import type { Target } from "@/lib/verifier/label-schemas";
import { pythonFloatText } from "@/lib/verifier/released/numbers";

/**
 * The released verifier types (videostar/verifier.py `Verifier.verify`) and which one each of our
 * question kinds gets, as videostar/generation_scripts/data_gen_utils.py assigns them.
 */
export type ReleasedRule =
  | { readonly kind: "word-matching"; readonly text: string; readonly extractsSpan: boolean }
  | { readonly kind: "sentence"; readonly items: string | readonly string[]; readonly ordered: boolean; readonly extractsSpan: boolean }
  | { readonly kind: "abs-float" }
  | { readonly kind: "two-dim-range" }
  | { readonly kind: "normalized-float" }
  | { readonly kind: "same-or-not" }
  | { readonly kind: "temporal-range" };

/** `verify`'s threshold for `sentence_sequence` (per item; `sentence` uses the caption threshold, 0.6). */
export const ORDERED_SENTENCE_THRESHOLD = 0.25;

/** `extract_temporal_range` reads the question-answering model's span only when its score is above this. */
export const TEMPORAL_SPAN_MIN_SCORE = 0.6;

/** The label sentence of a same-object question (`generate_spatial_qa`, `generate_obj_compare_qa`). */
function sameSentence(same: boolean): string {
  return same ? "The objects are the same" : "the objects are NOT the same";
}

/**
 * The released rule for a target of a question of `questionKind`:
 * - star-qa (`original_qa`, answer_question), subaction-after/-before (`action_tqa`,
 *   action_after_action / action_before_action): `sentence` on the span `extract_from_question` cuts
 *   out of the answer (`PredictionParser.parse` does so for these label types);
 * - star-between (`generate_temporal_qa`, unique_actions): `sentence`, every action anywhere;
 * - star-same-object (`generate_spatial_qa`, same_or_not): `sentence` on "The objects are the same";
 * - star-object-at (`generate_spatial_qa`, identify): `obj_identify`, word matching on the span
 *   `extract_from_question` cuts out (`parse` does so for the obj_identify verifier);
 * - relationship (something-something `reverse_template_qa`, MOMA relationship_interation):
 *   `sentence` on the whole answer;
 * - subaction-sequence (`seq_action_qa`) and aqa-full's sequence (`aqa_qa`): `sentence_sequence`;
 * - aqa-full's difficulty: `simple`, word matching on `str(difficulty)`; scores: `float`;
 * - otherwise by label type: class `simple`, float `float`, bbox `bbox`, timestamp `timestamp`,
 *   same `same_or_not`, interval `temporal_range` (which reads the question-answering span when its
 *   score is above 0.6), sequence `sentence_sequence`, caption `sentence`.
 */
export function releasedRuleFor(target: Target, questionKind: string | undefined): ReleasedRule {
  switch (questionKind) {
    case "star-qa":
    case "subaction-after":
    case "subaction-before":
      if (target.labelType === "class") return { kind: "sentence", items: target.label, ordered: false, extractsSpan: true };
      break;
    case "relationship":
      if (target.labelType === "class" || target.labelType === "caption")
        return { kind: "sentence", items: target.label, ordered: false, extractsSpan: false };
      break;
    case "star-object-at":
      if (target.labelType === "class") return { kind: "word-matching", text: target.label, extractsSpan: true };
      break;
    case "star-between":
      if (target.labelType === "class") return { kind: "sentence", items: [target.label], ordered: false, extractsSpan: false };
      if (target.labelType === "sequence") return { kind: "sentence", items: target.label.actions, ordered: false, extractsSpan: false };
      break;
    case "star-same-object":
      if (target.labelType === "same")
        return { kind: "sentence", items: sameSentence(target.label.same), ordered: false, extractsSpan: false };
      break;
    case "aqa-full":
      if (target.labelType === "float" && target.label.name === "difficulty")
        return { kind: "word-matching", text: pythonFloatText(target.label.value), extractsSpan: false };
      break;
  }
  return byLabelType(target);
}

function byLabelType(target: Target): ReleasedRule {
  switch (target.labelType) {
    case "class":
      return { kind: "word-matching", text: target.label, extractsSpan: false };
    case "float":
      return { kind: "abs-float" };
    case "bbox":
      return { kind: "two-dim-range" };
    case "timestamp":
      return { kind: "normalized-float" };
    case "same":
      return { kind: "same-or-not" };
    case "interval":
      return { kind: "temporal-range" };
    case "sequence":
      return { kind: "sentence", items: target.label.actions, ordered: true, extractsSpan: false };
    case "caption":
      return { kind: "sentence", items: target.label, ordered: false, extractsSpan: false };
  }
}

/** Whether the released parser asks a question-answering model about the answer before this target's rule. */
export function releasedRuleReadsSpan(rule: ReleasedRule): boolean {
  switch (rule.kind) {
    case "sentence":
    case "word-matching":
      return rule.extractsSpan;
    case "temporal-range":
      return true;
    default:
      return false;
  }
}
