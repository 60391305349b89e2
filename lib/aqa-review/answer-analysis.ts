import { checkRationaleArithmetic, extractAqaClaims, type AqaClaims, type ArithmeticReport } from "@/lib/aqa";

/** What an answer states (with spans) and its recomputed arithmetic: extracted once, read many times. */
export interface AnswerAnalysis {
  claims: AqaClaims;
  arithmetic: ArithmeticReport;
}

export function analyseAnswer(text: string): AnswerAnalysis {
  const claims = extractAqaClaims(text);
  return { claims, arithmetic: checkRationaleArithmetic(text, claims) };
}
