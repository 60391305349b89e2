/** The overall judgement of an answer (Prisma enum AuditVerdict), in shortcut order 1–4. */
export const AUDIT_VERDICTS = ["CORRECT", "HALLUCINATED", "PARTLY_CORRECT", "UNSURE"] as const;
export type AuditVerdict = (typeof AUDIT_VERDICTS)[number];

export const AUDIT_VERDICT_LABELS: Record<AuditVerdict, string> = {
  CORRECT: "Correct",
  HALLUCINATED: "Hallucinated",
  PARTLY_CORRECT: "Partly correct",
  UNSURE: "Unsure",
};

/** Verdicts that say the answer contains something not in the video. */
export const HALLUCINATION_VERDICTS: readonly AuditVerdict[] = ["HALLUCINATED", "PARTLY_CORRECT"];

export const QUEUE_SAMPLINGS = ["UNIFORM", "STRATIFIED", "ONLY_PASSED", "ONLY_FAILED"] as const;

/** Generation modes a review queue samples from (evaluation answers are not reviewed). */
export const REVIEWABLE_MODES = ["ANSWER", "RATIONALIZATION"] as const;
export type ReviewableMode = (typeof REVIEWABLE_MODES)[number];

export type GenerationMode = ReviewableMode | "EVALUATION";

/** Roles that may work any queue; annotators work only the queues they are members of. */
export const QUEUE_MANAGER_ROLES = ["ADMIN", "RESEARCHER"] as const;
