import { verifySync, type Target, type VerifierConfig } from "@/lib/verifier";
import type { JudgedVerdict } from "../db/generation-store";

/**
 * The parser-verifier's verdict on an answer, as a Verdict row (synchronous, without embeddings: the
 * paper preset's lexical fallback for captions; the reference-code preset says its sentence rules
 * could not be applied). The question's kind picks the released rule under reference-code.
 */
export function judge(targets: readonly Target[], text: string, config: VerifierConfig, questionKind?: string): JudgedVerdict {
  const verdict = verifySync(targets, text, config, questionKind === undefined ? {} : { questionKind });
  return {
    verifierVersion: verdict.verifierVersion,
    configHash: verdict.configHash,
    passed: verdict.passed,
    score: verdict.score,
    threshold: verdict.threshold,
    method: verdict.method,
    matches: verdict.matches,
  };
}
