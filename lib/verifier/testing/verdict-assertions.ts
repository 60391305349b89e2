import { expect } from "vitest";
import type { Verdict } from "@/lib/verifier/verdict";

/** Every span of a verdict (matches and closest misses) must point at its text in the answer. */
export function expectSpansInAnswer(verdict: Verdict, answer: string): void {
  for (const match of verdict.matches) {
    if (match.matched) {
      expect(answer.slice(match.start, match.end)).toBe(match.text);
    } else if (match.closest !== undefined) {
      expect(answer.slice(match.closest.start, match.closest.end)).toBe(match.closest.text);
    }
  }
}
