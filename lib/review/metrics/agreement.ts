import { cohenKappa } from "../stats/cohen-kappa";
import { intraclassCorrelationOf, type IccResult } from "../stats/icc";
import { krippendorffAlphaNominal } from "../stats/krippendorff-alpha";
import type { Judgement, ReviewUnit } from "./units";

interface PairAgreement {
  raterA: string;
  raterB: string;
  /** Units both judged (with a value on this question). */
  n: number;
  kappa: number | null;
  observed: number;
}

interface AgreementOn {
  /** Krippendorff's α (nominal) over every unit judged by two or more raters. */
  alpha: number | null;
  /** Units judged by two or more raters. */
  units: number;
  /** Cohen's κ when the units were judged by exactly two raters in all (else null: see pairs). */
  kappa: number | null;
  /** Cohen's κ of every pair of raters that share units. */
  pairs: PairAgreement[];
}

export interface Agreement {
  raters: number;
  verdict: AgreementOn;
  labelPresent: AgreementOn;
  /** Intraclass correlation of the 1–5 answer-quality scores (the largest complete raters × items block). */
  qualityScore: IccResult;
}

/** Agreement on the overall verdict (4 nominal categories), on "is the label in the answer?", and on the answer-quality score (ICC). */
export function agreement(units: readonly ReviewUnit[]): Agreement {
  const raters = new Set(units.flatMap((unit) => unit.judgements.map((judgement) => judgement.raterId)));
  return {
    raters: raters.size,
    verdict: agreementOn(units, (judgement) => judgement.verdict),
    labelPresent: agreementOn(units, (judgement) => judgement.labelPresent),
    qualityScore: intraclassCorrelationOf(
      units.flatMap((unit) =>
        unit.judgements.flatMap(({ raterId, qualityScore }) =>
          qualityScore == null ? [] : [{ targetId: unit.unitId, raterId, score: qualityScore }],
        ),
      ),
    ),
  };
}

function agreementOn<V extends string | boolean>(units: readonly ReviewUnit[], valueIn: (judgement: Judgement) => V | null): AgreementOn {
  const perUnit = units.map((unit) =>
    unit.judgements.flatMap((judgement) => {
      const value = valueIn(judgement);
      return value === null ? [] : [{ raterId: judgement.raterId, value }];
    }),
  );
  const alpha = krippendorffAlphaNominal(perUnit.map((values) => values.map((entry) => entry.value)));

  const pairValues = new Map<string, { raterA: string; raterB: string; pairs: [V, V][] }>();
  for (const values of perUnit) {
    const sorted = [...values].sort((x, y) => x.raterId.localeCompare(y.raterId));
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const key = `${a.raterId}\u0000${b.raterId}`;
        const entry = pairValues.get(key) ?? { raterA: a.raterId, raterB: b.raterId, pairs: [] };
        entry.pairs.push([a.value, b.value]);
        pairValues.set(key, entry);
      }
    }
  }
  const pairs = [...pairValues.values()].map(({ raterA, raterB, pairs: values }) => {
    const result = cohenKappa(values);
    return { raterA, raterB, n: result.n, kappa: result.kappa, observed: result.observed };
  });
  const ratersWithValues = new Set(perUnit.flatMap((values) => values.map((entry) => entry.raterId)));
  return {
    alpha: alpha.alpha,
    units: alpha.units,
    kappa: ratersWithValues.size === 2 && pairs.length === 1 ? (pairs[0]?.kappa ?? null) : null,
    pairs: pairs.sort((x, y) => y.n - x.n || x.raterA.localeCompare(y.raterA)),
  };
}
