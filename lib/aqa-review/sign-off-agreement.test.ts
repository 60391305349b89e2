import { describe, expect, it } from "vitest";
import { signOffAgreement } from "./sign-off-agreement";
import type { SignOffView } from "./sign-off-view";

const s = (generationId: number, userId: string, decision: "ACCEPTED" | "REJECTED", qualityScore: number | null): SignOffView => ({
  generationId,
  decision,
  qualityScore,
  reason: decision === "REJECTED" ? "wrong sum" : "",
  comment: "",
  signedAt: "2026-01-01T00:00:00.000Z",
  user: { id: userId, name: userId, role: "PI" },
});

describe("signOffAgreement", () => {
  it("gives κ and α on decisions and the ICC of scores, over the given dives only", () => {
    const views = [
      s(1, "ana", "ACCEPTED", 5),
      s(1, "bo", "ACCEPTED", 4),
      s(2, "ana", "REJECTED", 1),
      s(2, "bo", "REJECTED", 2),
      s(3, "ana", "ACCEPTED", 4),
      s(3, "bo", "REJECTED", 2),
      // Another mode's dive: not counted.
      s(9, "cy", "REJECTED", 1),
    ];
    const result = signOffAgreement(views, new Set([1, 2, 3]));
    expect(result.signers).toBe(2);
    expect(result.decision.dives).toBe(3);
    // Decisions agree on 2 of 3 dives; marginals 2/3 and 1/3 accepted → κ = (2/3 − 4/9)/(1 − 4/9) = 0.4.
    expect(result.decision.kappa).toBeCloseTo(0.4, 10);
    expect(result.decision.alpha).not.toBeNull();
    expect(result.qualityScore).toMatchObject({ targets: 3, raters: 2, ratingsUsed: 6, ratingsGiven: 6 });
    expect(result.qualityScore.icc21?.value).toBeGreaterThan(0);
  });

  it("has no κ with more than two people, and no ICC without two people scoring two dives", () => {
    const result = signOffAgreement([s(1, "ana", "ACCEPTED", 4), s(1, "bo", "ACCEPTED", null), s(1, "cy", "REJECTED", 2)], new Set([1]));
    expect(result.signers).toBe(3);
    expect(result.decision.kappa).toBeNull();
    expect(result.qualityScore).toMatchObject({ icc21: null, icc3k: null, ratingsGiven: 2 });
  });
});
