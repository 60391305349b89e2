import { AUDIT_VERDICTS, type AuditVerdict } from "../constants";
import { wilsonInterval, type Proportion } from "../stats/wilson";
import { agreement, type Agreement } from "./agreement";
import { consensusHallucinated, consensusLabelPresent, hallucinationJudgements } from "./consensus";
import type { ReviewUnit } from "./units";

export interface GroupMetrics {
  key: string;
  label: string;
  /** The dimensions the group is cut by (for charts). */
  dims: { cycleIndex?: number; datasetName?: string; mode?: string };
  /** Units with at least one submitted judgement. */
  units: number;
  /** Share of units the raters call hallucinated (consensus, or the adjudicated verdict where there is one), with its 95 % Wilson interval. */
  hallucination: Proportion;
  /** Units decided by an adjudicated verdict rather than the raters' consensus. */
  adjudicated: number;
  /** Judgements per verdict (every rater counted). */
  verdicts: Record<AuditVerdict, number>;
  /** Among answers the verifier passed: share whose label people found present (paper fig. 14, left). */
  precision: Proportion;
  /** Among answers the verifier failed: share whose label people found present anyway (fig. 14, right). */
  missRate: Proportion;
}

interface GoldAccuracy {
  raterId: string;
  n: number;
  correct: number;
  accuracy: Proportion;
}

export interface ReviewMetrics {
  overall: GroupMetrics;
  byDataset: GroupMetrics[];
  byMode: GroupMetrics[];
  byCycle: GroupMetrics[];
  byDatasetMode: GroupMetrics[];
  /** Cycle × dataset × mode: the paper's figure 13 from people. */
  byCycleDatasetMode: GroupMetrics[];
  agreement: Agreement;
  gold: GoldAccuracy[];
}

/**
 * Queue (or run) metrics from judged units. Gold items are left out of the rates — they were not
 * sampled — but count for gold accuracy and agreement. Rates are over the units as sampled: for a
 * stratified queue read them per stratum (dataset × mode), not pooled.
 */
export function computeMetrics(units: readonly ReviewUnit[]): ReviewMetrics {
  const judged = units.filter((unit) => unit.judgements.length > 0);
  const sampled = judged.filter((unit) => !unit.isGold);
  const modeLabel = (mode: string) => (mode === "ANSWER" ? "Answer" : mode === "RATIONALIZATION" ? "Rationalization" : "Evaluation");
  return {
    overall: groupMetrics("all", "All", sampled),
    byDataset: groupBy(sampled, (unit) => [String(unit.datasetId), unit.datasetName, { datasetName: unit.datasetName }]),
    byMode: groupBy(sampled, (unit) => [unit.mode, modeLabel(unit.mode), { mode: unit.mode }]),
    byCycle: groupBy(
      sampled,
      (unit) => [String(unit.cycleId), `Cycle ${unit.cycleIndex}`, { cycleIndex: unit.cycleIndex }],
      (unit) => unit.cycleIndex,
    ),
    byDatasetMode: groupBy(sampled, (unit) => [
      `${unit.datasetId}|${unit.mode}`,
      `${unit.datasetName} · ${modeLabel(unit.mode)}`,
      { datasetName: unit.datasetName, mode: unit.mode },
    ]),
    byCycleDatasetMode: groupBy(
      sampled,
      (unit) => [
        `${unit.cycleId}|${unit.datasetId}|${unit.mode}`,
        `Cycle ${unit.cycleIndex} · ${unit.datasetName} · ${modeLabel(unit.mode)}`,
        { cycleIndex: unit.cycleIndex, datasetName: unit.datasetName, mode: unit.mode },
      ],
      (unit) => unit.cycleIndex,
    ),
    agreement: agreement(judged),
    gold: goldAccuracy(judged.filter((unit) => unit.isGold)),
  };
}

function groupBy(
  units: readonly ReviewUnit[],
  keyOf: (unit: ReviewUnit) => [string, string, GroupMetrics["dims"]],
  orderOf: (unit: ReviewUnit) => number = () => 0,
): GroupMetrics[] {
  const groups = new Map<string, { label: string; dims: GroupMetrics["dims"]; order: number; units: ReviewUnit[] }>();
  for (const unit of units) {
    const [key, label, dims] = keyOf(unit);
    const group = groups.get(key) ?? { label, dims, order: orderOf(unit), units: [] };
    group.units.push(unit);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([keyA, a], [keyB, b]) => a.order - b.order || a.label.localeCompare(b.label) || keyA.localeCompare(keyB))
    .map(([key, group]) => groupMetrics(key, group.label, group.units, group.dims));
}

function groupMetrics(key: string, label: string, units: readonly ReviewUnit[], dims: GroupMetrics["dims"] = {}): GroupMetrics {
  const verdicts = Object.fromEntries(AUDIT_VERDICTS.map((verdict) => [verdict, 0])) as Record<AuditVerdict, number>;
  let hallucinated = 0;
  let decided = 0;
  let adjudicated = 0;
  const presence = { passed: { present: 0, n: 0 }, failed: { present: 0, n: 0 } };
  for (const unit of units) {
    for (const judgement of unit.judgements) if (judgement.verdict !== null) verdicts[judgement.verdict] += 1;
    if (unit.adjudicatedVerdict) adjudicated += 1;
    const isHallucinated = consensusHallucinated(hallucinationJudgements(unit));
    if (isHallucinated !== undefined) {
      decided += 1;
      if (isHallucinated) hallucinated += 1;
    }
    const present = consensusLabelPresent(unit.judgements);
    if (present !== undefined && unit.passed !== null) {
      const bucket = unit.passed ? presence.passed : presence.failed;
      bucket.n += 1;
      if (present) bucket.present += 1;
    }
  }
  return {
    key,
    label,
    dims,
    units: units.length,
    hallucination: wilsonInterval(hallucinated, decided),
    adjudicated,
    verdicts,
    precision: wilsonInterval(presence.passed.present, presence.passed.n),
    missRate: wilsonInterval(presence.failed.present, presence.failed.n),
  };
}

function goldAccuracy(goldUnits: readonly ReviewUnit[]): GoldAccuracy[] {
  const perRater = new Map<string, { n: number; correct: number }>();
  for (const unit of goldUnits) {
    if (unit.goldAnswer === null) continue;
    for (const judgement of unit.judgements) {
      if (judgement.verdict === null) continue;
      const entry = perRater.get(judgement.raterId) ?? { n: 0, correct: 0 };
      entry.n += 1;
      if (judgement.verdict === unit.goldAnswer.verdict) entry.correct += 1;
      perRater.set(judgement.raterId, entry);
    }
  }
  return [...perRater.entries()]
    .map(([raterId, { n, correct }]) => ({ raterId, n, correct, accuracy: wilsonInterval(correct, n) }))
    .sort((a, b) => a.raterId.localeCompare(b.raterId));
}
