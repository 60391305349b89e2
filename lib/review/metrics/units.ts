import type { AuditVerdict, GenerationMode } from "../constants";
import type { GoldAnswer } from "../schemas/queue-schemas";

/** One person's submitted judgement of a unit. */
export interface Judgement {
  raterId: string;
  verdict: AuditVerdict | null;
  labelPresent: boolean | null;
  /** Answer quality 1–5; null or absent when not scored. */
  qualityScore?: number | null;
}

/** What was judged — a queue item (or, across a run, a generation) — with its judgements. */
export interface ReviewUnit {
  unitId: number;
  isGold: boolean;
  goldAnswer: GoldAnswer | null;
  cycleId: number;
  cycleIndex: number;
  datasetId: number;
  datasetName: string;
  mode: GenerationMode;
  /** The verifier's latest verdict on the generation, null if never verified. */
  passed: boolean | null;
  judgements: Judgement[];
  /** The final verdict recorded where raters disagreed (lib/review/adjudication): it decides the unit's consensus figures. */
  adjudicatedVerdict?: AuditVerdict | null;
}
