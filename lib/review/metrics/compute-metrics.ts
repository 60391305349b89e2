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
  // Each unit's consensus and verdict counts once, not once per grouping it falls in.
  const sampled = judged.filter((unit) => !unit.isGold).map(tally);
  const modeLabel = (mode: string) => (mode === "ANSWER" ? "Answer" : mode === "RATIONALIZATION" ? "Rationalization" : "Evaluation");
  return {
    overall: groupMetrics("all", "All", sampled),
    byDataset: groupBy(
      sampled,
      ({ unit }) => String(unit.datasetId),
      ({ unit }) => [unit.datasetName, { datasetName: unit.datasetName }],
    ),
    byMode: groupBy(
      sampled,
      ({ unit }) => unit.mode,
      ({ unit }) => [modeLabel(unit.mode), { mode: unit.mode }],
    ),
    byCycle: groupBy(
      sampled,
      ({ unit }) => String(unit.cycleId),
      ({ unit }) => [`Cycle ${unit.cycleIndex}`, { cycleIndex: unit.cycleIndex }, unit.cycleIndex],
    ),
    byDatasetMode: groupBy(
      sampled,
      ({ unit }) => `${unit.datasetId}|${unit.mode}`,
      ({ unit }) => [`${unit.datasetName} · ${modeLabel(unit.mode)}`, { datasetName: unit.datasetName, mode: unit.mode }],
    ),
    byCycleDatasetMode: groupBy(
      sampled,
      ({ unit }) => `${unit.cycleId}|${unit.datasetId}|${unit.mode}`,
      ({ unit }) => [
        `Cycle ${unit.cycleIndex} · ${unit.datasetName} · ${modeLabel(unit.mode)}`,
        { cycleIndex: unit.cycleIndex, datasetName: unit.datasetName, mode: unit.mode },
        unit.cycleIndex,
      ],
    ),
    agreement: agreement(judged),
    gold: goldAccuracy(judged.filter((unit) => unit.isGold)),
  };
}

/** What a unit adds to every group it is in. */
interface UnitTally {
  unit: ReviewUnit;
  /** Judgements per verdict, in AUDIT_VERDICTS order. */
  verdicts: number[];
  adjudicated: boolean;
  hallucinated: boolean | undefined;
  labelPresent: boolean | undefined;
}

const VERDICT_INDEX = new Map<AuditVerdict, number>(AUDIT_VERDICTS.map((verdict, index) => [verdict, index]));

function tally(unit: ReviewUnit): UnitTally {
  const verdicts = AUDIT_VERDICTS.map(() => 0);
  for (const judgement of unit.judgements) if (judgement.verdict !== null) verdicts[VERDICT_INDEX.get(judgement.verdict)!]! += 1;
  return {
    unit,
    verdicts,
    adjudicated: Boolean(unit.adjudicatedVerdict),
    hallucinated: consensusHallucinated(hallucinationJudgements(unit)),
    labelPresent: consensusLabelPresent(unit.judgements),
  };
}

/**
 * Groups by `keyOf`; a group's label, dimensions and sort order (default 0) come from its first
 * unit, through `describe`.
 */
function groupBy(
  units: readonly UnitTally[],
  keyOf: (tally: UnitTally) => string,
  describe: (tally: UnitTally) => [string, GroupMetrics["dims"], number?],
): GroupMetrics[] {
  const groups = new Map<string, { label: string; dims: GroupMetrics["dims"]; order: number; units: UnitTally[] }>();
  for (const unit of units) {
    const key = keyOf(unit);
    const group = groups.get(key);
    if (group) group.units.push(unit);
    else {
      const [label, dims, order = 0] = describe(unit);
      groups.set(key, { label, dims, order, units: [unit] });
    }
  }
  return [...groups.entries()]
    .sort(([keyA, a], [keyB, b]) => a.order - b.order || a.label.localeCompare(b.label) || keyA.localeCompare(keyB))
    .map(([key, group]) => groupMetrics(key, group.label, group.units, group.dims));
}

function groupMetrics(key: string, label: string, units: readonly UnitTally[], dims: GroupMetrics["dims"] = {}): GroupMetrics {
  const verdictCounts = AUDIT_VERDICTS.map(() => 0);
  let hallucinated = 0;
  let decided = 0;
  let adjudicated = 0;
  const presence = { passed: { present: 0, n: 0 }, failed: { present: 0, n: 0 } };
  for (const tallied of units) {
    for (let i = 0; i < verdictCounts.length; i += 1) verdictCounts[i]! += tallied.verdicts[i]!;
    if (tallied.adjudicated) adjudicated += 1;
    if (tallied.hallucinated !== undefined) {
      decided += 1;
      if (tallied.hallucinated) hallucinated += 1;
    }
    const { passed } = tallied.unit;
    if (tallied.labelPresent !== undefined && passed !== null) {
      const bucket = passed ? presence.passed : presence.failed;
      bucket.n += 1;
      if (tallied.labelPresent) bucket.present += 1;
    }
  }
  return {
    key,
    label,
    dims,
    units: units.length,
    hallucination: wilsonInterval(hallucinated, decided),
    adjudicated,
    verdicts: Object.fromEntries(AUDIT_VERDICTS.map((verdict, index) => [verdict, verdictCounts[index]!])) as Record<AuditVerdict, number>,
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
