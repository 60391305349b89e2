import { cohenKappa } from "@/lib/review/stats/cohen-kappa";
import { intraclassCorrelationOf, type IccResult } from "@/lib/review/stats/icc";
import { krippendorffAlphaNominal } from "@/lib/review/stats/krippendorff-alpha";
import type { SignOffView } from "./sign-off-view";

/** How far the people who signed a cycle's explanations off agree: on the decision, and on the 1–5 quality score. */
export interface SignOffAgreement {
  /** People with a sign-off on any of the dives. */
  signers: number;
  /** Accepted/rejected: Krippendorff's α (nominal) over dives signed by two or more; Cohen's κ when exactly two people signed. */
  decision: { alpha: number | null; kappa: number | null; dives: number };
  /** ICC(2,1) and ICC(3,k) of the explanation-quality scores over the largest complete dives × signers block. */
  qualityScore: IccResult;
}

/** Agreement among the sign-offs on the given dives (the cycle's, in the shown mode). */
export function signOffAgreement(signOffs: readonly SignOffView[], generationIds: ReadonlySet<number>): SignOffAgreement {
  const relevant = signOffs.filter((s) => generationIds.has(s.generationId));
  const byDive = new Map<number, SignOffView[]>();
  for (const s of relevant) byDive.set(s.generationId, [...(byDive.get(s.generationId) ?? []), s]);
  const signers = [...new Set(relevant.map((s) => s.user.id))].sort();
  const alpha = krippendorffAlphaNominal([...byDive.values()].map((views) => views.map((s) => s.decision)));
  let kappa: number | null = null;
  if (signers.length === 2) {
    const [a, b] = signers;
    const pairs = [...byDive.values()].flatMap((views) => {
      const first = views.find((s) => s.user.id === a);
      const second = views.find((s) => s.user.id === b);
      return first && second ? [[first.decision, second.decision] as const] : [];
    });
    kappa = pairs.length > 0 ? cohenKappa(pairs).kappa : null;
  }
  return {
    signers: signers.length,
    decision: { alpha: alpha.alpha, kappa, dives: alpha.units },
    qualityScore: intraclassCorrelationOf(
      relevant.flatMap((s) => (s.qualityScore === null ? [] : [{ targetId: s.generationId, raterId: s.user.id, score: s.qualityScore }])),
    ),
  };
}
