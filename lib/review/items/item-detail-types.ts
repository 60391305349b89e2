import type { AuditVerdict, GenerationMode } from "../constants";
import type { HallucinatedSpan } from "../schemas/audit-schemas";
import type { GoldAnswer } from "../schemas/queue-schemas";
import type { PartMatchView } from "../schemas/verdict-matches";

export interface VerdictView {
  passed: boolean;
  score: number;
  threshold: number | null;
  method: string;
  verifierVersion: string;
  matches: PartMatchView[];
}

export interface RelatedGeneration {
  id: number;
  mode: GenerationMode;
  sampleIndex: number;
  text: string;
  cycleId: number;
  cycleIndex: number;
  runName: string;
  /** Null when not verified, or hidden (blind queue, audit not submitted). */
  passed: boolean | null;
  score: number | null;
}

export interface VideoLabel {
  key: string;
  kind: string;
  value: unknown;
}

/** Everything the item screen needs, in one response. */
export interface ItemDetail {
  /** `size`: the queue's items, gold ones included. */
  queue: { id: number; name: string; blind: boolean; overlap: number; status: "OPEN" | "CLOSED"; size: number };
  item: {
    id: number;
    position: number;
    /** Its number among the queue's items of its kind, sampled or gold, each counted from 1 (null for annotators). */
    number: number | null;
    stratum: string | null;
    isGold: boolean | null;
    goldAnswer: GoldAnswer | null;
  };
  generation: {
    id: number;
    mode: GenerationMode;
    sampleIndex: number;
    text: string;
    prompt: string;
    model: string;
    simulated: boolean;
    latencyMs: number | null;
    createdAt: string;
    cycle: { id: number; index: number; runId: number; runName: string };
  };
  question: { id: number; key: string; kind: string; text: string; targets: unknown };
  dataset: { id: number; name: string; format: string };
  video: {
    id: number;
    key: string;
    src: string;
    mediaStatus: string;
    durationSec: number | null;
    fps: number | null;
    width: number | null;
    height: number | null;
    clipStartSec: number | null;
    clipEndSec: number | null;
  };
  labels: VideoLabel[];
  /** The latest verdict; null when none or hidden (see verdictHidden). */
  verdict: VerdictView | null;
  /** True in a blind queue until this user has submitted their audit. */
  verdictHidden: boolean;
  audit: {
    verdict: AuditVerdict | null;
    hallucinatedSpans: HallucinatedSpan[];
    labelPresent: boolean | null;
    qualityScore: number | null;
    note: string;
    submittedAt: string | null;
    updatedAt: string;
    /** The version the next save names as its base. */
    version: number;
  } | null;
  /** True when this person's audit can no longer change: submitted in a blind queue. */
  auditFinal: boolean;
  assignment: { status: "LEASED" | "SUBMITTED" | "RELEASED"; leaseExpiresAt: string; claimedAt: string } | null;
  related: RelatedGeneration[];
  /**
   * This user's previous and next items in the queue, in the order they took them, and this item's
   * place in that order (1 for the first they took; null when it is not theirs, or skipped).
   */
  navigation: { previousItemId: number | null; nextItemId: number | null; ordinal: number | null };
}
