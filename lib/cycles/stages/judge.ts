import { verifySync, type Target, type VerifierConfig } from "@/lib/verifier";
import type { JudgedVerdict } from "../db/generation-store";

/** The parser-verifier's verdict on an answer, as a Verdict row (synchronous: lexical fallback for captions). */
export function judge(targets: readonly Target[], text: string, config: VerifierConfig): JudgedVerdict {
  const verdict = verifySync(targets, text, config);
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
