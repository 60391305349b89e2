import { cohenKappa } from "../stats/cohen-kappa";
import { intraclassCorrelationOf, type IccResult, type Rating } from "../stats/icc";
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
  const order = raterOrder(units);
  const ratings: Rating[] = [];
  for (const unit of units) {
    for (const { raterId, qualityScore } of unit.judgements) {
      if (qualityScore != null) ratings.push({ targetId: unit.unitId, raterId, score: qualityScore });
    }
  }
  return {
    raters: order.size,
    verdict: agreementOn(units, order, (judgement) => judgement.verdict),
    labelPresent: agreementOn(units, order, (judgement) => judgement.labelPresent),
    qualityScore: intraclassCorrelationOf(ratings),
  };
}

/**
 * Every rater's place in `localeCompare` order (raters that compare equal share one), so each
 * unit's judgements are put in that order by comparing numbers, not strings.
 */
function raterOrder(units: readonly ReviewUnit[]): Map<string, number> {
  const raters = new Set<string>();
  for (const unit of units) for (const judgement of unit.judgements) raters.add(judgement.raterId);
  const sorted = [...raters].sort((x, y) => x.localeCompare(y));
  const order = new Map<string, number>();
  let rank = 0;
  sorted.forEach((rater, index) => {
    if (index > 0 && sorted[index - 1]!.localeCompare(rater) !== 0) rank += 1;
    order.set(rater, rank);
  });
  return order;
}

interface RaterValue<V> {
  raterId: string;
  rank: number;
  value: V;
}

function agreementOn<V extends string | boolean>(
  units: readonly ReviewUnit[],
  order: ReadonlyMap<string, number>,
  valueIn: (judgement: Judgement) => V | null,
): AgreementOn {
  const perUnit: RaterValue<V>[][] = [];
  const valuesPerUnit: V[][] = [];
  const ratersWithValues = new Set<string>();
  for (const unit of units) {
    const entries: RaterValue<V>[] = [];
    const values: V[] = [];
    for (const judgement of unit.judgements) {
      const value = valueIn(judgement);
      if (value === null) continue;
      entries.push({ raterId: judgement.raterId, rank: order.get(judgement.raterId)!, value });
      values.push(value);
      ratersWithValues.add(judgement.raterId);
    }
    perUnit.push(entries);
    valuesPerUnit.push(values);
  }
  const alpha = krippendorffAlphaNominal(valuesPerUnit);

  // Pairs in the order first met; looked up by rater A, then rater B.
  const pairValues: { raterA: string; raterB: string; pairs: [V, V][] }[] = [];
  const pairIndex = new Map<string, Map<string, { raterA: string; raterB: string; pairs: [V, V][] }>>();
  for (const values of perUnit) {
    if (values.length < 2) continue;
    const sorted =
      values.length === 2
        ? values[1]!.rank < values[0]!.rank
          ? [values[1]!, values[0]!]
          : values
        : [...values].sort((x, y) => x.rank - y.rank);
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        let withA = pairIndex.get(a.raterId);
        if (!withA) {
          withA = new Map();
          pairIndex.set(a.raterId, withA);
        }
        const entry = withA.get(b.raterId);
        if (entry) entry.pairs.push([a.value, b.value]);
        else {
          const created = { raterA: a.raterId, raterB: b.raterId, pairs: [[a.value, b.value]] as [V, V][] };
          withA.set(b.raterId, created);
          pairValues.push(created);
        }
      }
    }
  }
  const pairs = pairValues.map(({ raterA, raterB, pairs: values }) => {
    const result = cohenKappa(values);
    return { raterA, raterB, n: result.n, kappa: result.kappa, observed: result.observed };
  });
  return {
    alpha: alpha.alpha,
    units: alpha.units,
    kappa: ratersWithValues.size === 2 && pairs.length === 1 ? (pairs[0]?.kappa ?? null) : null,
    pairs: pairs.sort((x, y) => y.n - x.n || x.raterA.localeCompare(y.raterA)),
  };
}
