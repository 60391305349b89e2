import { describe, expect, it } from "vitest";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verifySync } from "@/lib/verifier/verify";

const caption = (label: string) => ({ labelType: "caption", label }) as const;

describe("caption without an embedder (lexical fallback)", () => {
  it("passes when one sentence holds enough of the caption's keywords, and names its method", () => {
    const answer = "The video starts in a kitchen. A man opens the fridge and takes out milk. He leaves.";
    const verdict = verifySync(caption("a man opens the fridge"), answer);
    expect(verdict.passed).toBe(true);
    expect(verdict.method).toBe("caption:lexical-fallback");
    expect(verdict.matches[0]).toMatchObject({ matched: true, text: "A man opens the fridge and takes out milk.", similarity: 1 });
    expectSpansInAnswer(verdict, answer);
  });

  it("fails when the keywords are spread over sentences or absent", () => {
    const spread = "A man walks in. He opens a drawer. The fridge hums.";
    const verdict = verifySync(caption("a man opens the fridge"), spread);
    expect(verdict.passed).toBe(false);
    expect(verdict.score).toBeCloseTo(1 / 3, 12);
    expect(verifySync(caption("a man opens the fridge"), "").passed).toBe(false);
  });

  it("uses its own threshold, overridable", () => {
    const answer = "A man opens a cupboard.";
    expect(verifySync(caption("a man opens the fridge"), answer).passed).toBe(false);
    const lenient = resolveVerifierConfig("paper", { caption: { lexicalThreshold: 0.6 } });
    expect(verifySync(caption("a man opens the fridge"), answer, lenient).passed).toBe(true);
  });
});
