import type { SignOffAgreement } from "@/lib/aqa-review/sign-off-agreement";
import { IccFigures } from "@/components/review/icc-figures";
import { SimulatedBadge } from "@/components/ui/badge";

const fixed = (value: number | null) => (value === null ? "—" : value.toFixed(3));

/** How far the people who signed the cycle's explanations off agree: κ and α on the decision, ICC on the 1–5 quality scores. */
export function SignOffAgreementPanel({ agreement, simulated }: { agreement: SignOffAgreement; simulated: boolean }) {
  return (
    <section aria-labelledby="sign-off-agreement-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sign-off-agreement-heading" className="text-lg font-semibold">
        Agreement among sign-offs ({agreement.signers} {agreement.signers === 1 ? "person" : "people"})
      </h2>
      {simulated && (
        <p className="mt-1 flex items-center gap-2 text-xs text-violet-900">
          <SimulatedBadge /> People scored explanations that a simulated backend wrote.
        </p>
      )}
      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm" data-testid="sign-off-agreement">
        <dt className="text-slate-500">Decision: Krippendorff&apos;s α (nominal)</dt>
        <dd>
          {fixed(agreement.decision.alpha)}{" "}
          <span className="text-xs text-slate-500">over {agreement.decision.dives} dives signed by two or more</span>
        </dd>
        <dt className="text-slate-500">Decision: Cohen&apos;s κ (two people)</dt>
        <dd>
          {agreement.signers === 2
            ? fixed(agreement.decision.kappa)
            : agreement.signers > 2
              ? "— (more than two people)"
              : "— (needs two people)"}
        </dd>
        <IccFigures label="Explanation quality (1–5)" icc={agreement.qualityScore} targetNoun="dive" testId="sign-off-quality-icc" />
      </dl>
    </section>
  );
}
