import type { Role } from "@/lib/auth/roles";

type NoDetails = Record<string, never>;

interface BackendDetails {
  name: string;
  role: string;
  kind: string;
  baseUrl: string;
  /** Where the credential comes from (none, env, stored); never the credential itself. */
  credential: string;
}

/**
 * Every action the audit log records (users, roles, backends, imports, cycle launches and cancels,
 * exports, review queues, adjudications and reassigned leases, AQA sign-offs and reports, retried jobs), with what each records beside who, when and
 * on what. This is the one list: `AuditAction` is its keys.
 */
export interface AuditDetails {
  "user.create": { email: string; role: Role };
  "user.role": { role: Role };
  "user.deactivate": NoDetails;
  "user.reactivate": NoDetails;
  "backend.create": BackendDetails;
  "backend.update": BackendDetails & { credentialChanged: boolean };
  "backend.delete": { name: string };
  "dataset.import": { datasetName: string; format: string; file: string };
  "dataset.import.cancel": NoDetails;
  "dataset.template.update": { key: string; text: string };
  "cycle.launch": { cycleId: number };
  "cycle.cancel": { cycleId: number };
  "cycle.resume": { cycleId: number; status: string; reasons: string[] | "all" };
  "export.create": { cycleId: number; format: string; directOnly: boolean; excludeHallucinated: boolean };
  "review.queue.create": { cycleId: number; sampling: string; size: number; overlap: number; assignees: number; gold: number };
  "review.queue.update": {
    name?: string;
    status?: string;
    blind?: boolean;
    leaseSeconds?: number;
    addAssignees?: string[];
    removeAssignees?: string[];
  };
  "review.queue.delete": NoDetails;
  "review.queue.add-items": {
    source: "selection" | "filters";
    /** The explorer's filters as its URL holds them, when the add took everything they match. */
    filters: Record<string, string> | null;
    matched: number;
    added: number;
    duplicates: number;
    notReviewable: number;
  };
  "review.audits.export": { format: string; audits: number };
  "review.adjudicate": {
    queueId: number;
    itemId: number;
    verdict: string;
    previousVerdict: string | null;
    spans: number;
    note: string;
  };
  "review.assignments.reassign": { fromUserId: string; toUserId: string | null; released: number; reassigned: number };
  "aqa.explanation.sign-off": {
    decision: string;
    /** Explanation quality 1–5, null when not scored (absent in entries written before scores). */
    qualityScore?: number | null;
    reason: string;
    comment: string;
    previousDecision: string | null;
    cycleId: number;
    videoKey: string;
  };
  "aqa.report.export": { mode: string; format: "csv" };
  "job.retry": { queue: string };
  "generation.comment": { commentId: number; parentId: number | null; body: string };
  /** The webhook's host only: the rest of a webhook URL (Slack's path) is a secret. */
  "account.webhook": { host: string | null };
}

export type AuditAction = keyof AuditDetails;

export type AuditTargetType =
  | "User"
  | "Backend"
  | "DatasetImport"
  | "QuestionTemplate"
  | "Run"
  | "Cycle"
  | "Export"
  | "ReviewQueue"
  | "Generation"
  | "Job";

/** The kind of row each action acts on (AuditLogEntry.targetType, with its id in targetId). */
export const AUDIT_TARGET_TYPE: { readonly [A in AuditAction]: AuditTargetType } = {
  "user.create": "User",
  "user.role": "User",
  "user.deactivate": "User",
  "user.reactivate": "User",
  "backend.create": "Backend",
  "backend.update": "Backend",
  "backend.delete": "Backend",
  "dataset.import": "DatasetImport",
  "dataset.import.cancel": "DatasetImport",
  "dataset.template.update": "QuestionTemplate",
  "cycle.launch": "Run",
  "cycle.cancel": "Run",
  "cycle.resume": "Run",
  "export.create": "Export",
  "review.queue.create": "ReviewQueue",
  "review.queue.update": "ReviewQueue",
  "review.queue.delete": "ReviewQueue",
  "review.queue.add-items": "ReviewQueue",
  "review.audits.export": "ReviewQueue",
  "review.adjudicate": "Generation",
  "review.assignments.reassign": "ReviewQueue",
  "aqa.explanation.sign-off": "Generation",
  "aqa.report.export": "Cycle",
  "job.retry": "Job",
  "generation.comment": "Generation",
  "account.webhook": "User",
};

/** One entry to record: the action, the id of the row it acts on, and that action's details. */
export type AuditEntry = {
  [A in AuditAction]: { action: A; targetId: string | number; details: AuditDetails[A] };
}[AuditAction];
