import { QUEUE_MANAGER_ROLES } from "./constants";

export interface ReviewUser {
  id: string;
  role: string;
}

/** Admins and researchers manage and may work every queue; annotators only the queues they are members of. */
export function canManageQueues(user: ReviewUser): boolean {
  return (QUEUE_MANAGER_ROLES as readonly string[]).includes(user.role);
}

/**
 * Roles that oversee a queue's outcome: record the final verdict where raters disagree (adjudicate),
 * follow each member's progress, release or reassign their leases. PIs too: the final word on a
 * disputed answer is theirs as much as a researcher's. Annotators never.
 */
const QUEUE_OVERSEER_ROLES = ["ADMIN", "RESEARCHER", "PI"] as const;

export function canOverseeQueues(user: ReviewUser): boolean {
  return (QUEUE_OVERSEER_ROLES as readonly string[]).includes(user.role);
}
