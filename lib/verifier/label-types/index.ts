import type { LabelType, Target, TargetOf } from "@/lib/verifier/label-schemas";
import { verifyBbox } from "@/lib/verifier/label-types/bbox";
import { verifyCaption } from "@/lib/verifier/label-types/caption";
import { verifyClass } from "@/lib/verifier/label-types/class";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { verifyFloat } from "@/lib/verifier/label-types/float";
import { verifyInterval } from "@/lib/verifier/label-types/interval";
import { verifySame } from "@/lib/verifier/label-types/same";
import { verifySequence } from "@/lib/verifier/label-types/sequence";
import { verifyTimestamp } from "@/lib/verifier/label-types/timestamp";
import { releasedEmbeddingTexts, verifyReleased } from "@/lib/verifier/released/verify-released";
import type { VerifierConfig } from "@/lib/verifier/config";
import type { TargetVerdict } from "@/lib/verifier/verdict";

type TargetVerifiers = { [T in LabelType]: (label: TargetOf<T>["label"], context: VerifyContext) => TargetVerdict };

const verifiers: TargetVerifiers = {
  class: verifyClass,
  float: verifyFloat,
  bbox: verifyBbox,
  interval: verifyInterval,
  timestamp: verifyTimestamp,
  sequence: verifySequence,
  caption: verifyCaption,
  same: verifySame,
};

export function verifyTarget(target: Target, context: VerifyContext): TargetVerdict {
  if (context.config.preset === "reference-code") return verifyReleased(target, context);
  const verifier = verifiers[target.labelType] as (label: Target["label"], context: VerifyContext) => TargetVerdict;
  return verifier(target.label, context);
}

/** Texts whose embeddings a target needs (the label side), or none when it is decided without them. */
export function semanticLabelTexts(target: Target, config: VerifierConfig, questionKind?: string): string[] {
  if (config.preset === "reference-code") return releasedEmbeddingTexts(target, questionKind);
  const sequenceMatching = config.sequence.matching;
  if (target.labelType === "caption") return [target.label];
  if (target.labelType === "sequence" && sequenceMatching === "semantic") return [...target.label.actions];
  return [];
}
