import { QUEUE_MANAGER_ROLES } from "./constants";

export interface ReviewUser {
  id: string;
  role: string;
}

/** Admins and researchers manage and may work every queue; annotators only the queues they are members of. */
export function canManageQueues(user: ReviewUser): boolean {
  return (QUEUE_MANAGER_ROLES as readonly string[]).includes(user.role);
}
