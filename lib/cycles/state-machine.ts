/**
 * The cycle state machine: draft → generating → verifying → rationalizing → curating → training →
 * evaluating → done, or failed / cancelled from any active state. A cycle whose stages all finished
 * but gave some items up (backend failures) ends "done with errors" instead of done; one that gave up
 * more than its configured share fails. Pure: the engine (engine/) applies it to the database.
 */
const CYCLE_STATUSES = [
  "DRAFT",
  "GENERATING",
  "VERIFYING",
  "RATIONALIZING",
  "CURATING",
  "TRAINING",
  "EVALUATING",
  "DONE",
  "DONE_WITH_ERRORS",
  "FAILED",
  "CANCELLED",
] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const STAGES = ["GENERATE", "VERIFY", "RATIONALIZE", "CURATE", "EXPORT", "TRAIN", "EVALUATE"] as const;
export type Stage = (typeof STAGES)[number];

const TERMINAL_STATUSES: ReadonlySet<CycleStatus> = new Set(["DONE", "DONE_WITH_ERRORS", "FAILED", "CANCELLED"]);

export function isTerminal(status: CycleStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** The cycle went through every stage (cleanly or with given-up items): its model and data exist. */
export function isFinished(status: CycleStatus): boolean {
  return status === "DONE" || status === "DONE_WITH_ERRORS";
}

/** How a cycle that went through every stage ends: given-up items make it "done with errors", never plain done. */
export function finishedStatus(givenUpItems: number): CycleStatus {
  return givenUpItems > 0 ? "DONE_WITH_ERRORS" : "DONE";
}

/** The stages worked on while a cycle is in a status, in order. */
export const STAGES_OF: Readonly<Record<CycleStatus, readonly Stage[]>> = {
  DRAFT: [],
  GENERATING: ["GENERATE"],
  VERIFYING: ["VERIFY"],
  RATIONALIZING: ["RATIONALIZE"],
  CURATING: ["CURATE", "EXPORT"],
  TRAINING: ["TRAIN"],
  EVALUATING: ["EVALUATE"],
  DONE: [],
  DONE_WITH_ERRORS: [],
  FAILED: [],
  CANCELLED: [],
};

export interface FlowOptions {
  /** Label rationalization runs in training cycles only, and only when enabled. */
  rationalize: boolean;
  evaluate: boolean;
}

/** The status after `current` once its stages are done. */
export function nextStatus(current: CycleStatus, options: FlowOptions): CycleStatus {
  switch (current) {
    case "DRAFT":
      return "GENERATING";
    case "GENERATING":
      return "VERIFYING";
    case "VERIFYING":
      return options.rationalize ? "RATIONALIZING" : "CURATING";
    case "RATIONALIZING":
      return "CURATING";
    case "CURATING":
      return "TRAINING";
    case "TRAINING":
      return options.evaluate ? "EVALUATING" : "DONE";
    case "EVALUATING":
      return "DONE";
    default:
      throw new Error(`a ${current.toLowerCase()} cycle has no next status`);
  }
}

/** Whether `from → to` is a legal move (forward by the flow, or to failed/cancelled from an active status). */
export function canTransition(from: CycleStatus, to: CycleStatus, options: FlowOptions): boolean {
  if (isTerminal(from)) return false;
  if (to === "FAILED" || to === "CANCELLED") return true;
  const next = nextStatus(from, options);
  return next === to || (next === "DONE" && to === "DONE_WITH_ERRORS");
}

/** The active status a failed or cancelled cycle resumes in (where it stopped). */
export function resumeStatus(stoppedIn: CycleStatus | undefined): CycleStatus {
  if (stoppedIn === undefined || isTerminal(stoppedIn)) return "DRAFT";
  return stoppedIn;
}
