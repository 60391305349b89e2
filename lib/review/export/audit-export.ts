import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { canManageQueues, type ReviewUser } from "../access";
import { queueForUser } from "../queues/queue-access";
import { storedSpansSchema } from "../schemas/audit-schemas";
import { listQueueAudits, type AuditExportRow } from "./audit-export-repository";

const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export const AuditExportQuery = z.object({ format: z.enum(AUDIT_EXPORT_FORMATS).default("csv") });
type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

interface ExportedSpan {
  start: number;
  end: number;
  text: string;
  videoStartSec: number | null;
  videoEndSec: number | null;
}

/**
 * One audit as exported, with the answer's adjudication when one was recorded. `finalVerdict` is
 * the verdict metrics and the training export use for this answer: the adjudicated one when there
 * is one (`finalVerdictFrom: "adjudication"`), else this rater's own (`"rater"`).
 */
export interface ExportedAudit {
  auditId: number;
  generationId: number;
  simulated: boolean;
  question: string;
  answer: string;
  verdict: string | null;
  hallucinatedSpans: ExportedSpan[];
  labelPresent: boolean | null;
  note: string;
  rater: { id: string; name: string | null; email: string | null };
  updatedAt: string;
  submitted: boolean;
  submittedAt: string | null;
  adjudicatedVerdict: string | null;
  adjudication: {
    verdict: string;
    note: string;
    by: { id: string; name: string | null; email: string | null };
    at: string;
  } | null;
  finalVerdict: string | null;
  finalVerdictFrom: "adjudication" | "rater";
}

function exportedAudit(row: AuditExportRow, withIdentity: boolean): ExportedAudit {
  return {
    auditId: row.auditId,
    generationId: row.generationId,
    simulated: row.simulated,
    question: row.question,
    answer: row.answer,
    verdict: row.verdict,
    hallucinatedSpans: storedSpansSchema.parse(row.hallucinatedSpans).map((span) => ({
      start: span.start,
      end: span.end,
      text: span.text,
      videoStartSec: span.videoStartSec ?? null,
      videoEndSec: span.videoEndSec ?? null,
    })),
    labelPresent: row.labelPresent,
    note: row.note,
    rater: { id: row.raterId, name: withIdentity ? row.raterName : null, email: withIdentity ? row.raterEmail : null },
    updatedAt: row.updatedAt.toISOString(),
    submitted: row.submittedAt !== null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    adjudicatedVerdict: row.adjudicatedVerdict,
    adjudication:
      row.adjudicatedVerdict === null
        ? null
        : {
            verdict: row.adjudicatedVerdict,
            note: row.adjudicationNote ?? "",
            by: {
              id: row.adjudicatorId ?? "",
              name: withIdentity ? row.adjudicatorName : null,
              email: withIdentity ? row.adjudicatorEmail : null,
            },
            at: row.adjudicatedAt?.toISOString() ?? "",
          },
    finalVerdict: row.adjudicatedVerdict ?? row.verdict,
    finalVerdictFrom: row.adjudicatedVerdict === null ? "rater" : "adjudication",
  };
}

/** The queue's audits; raters are named (name, e-mail) only to those who manage queues (researchers, admins). */
export async function queueAudits(user: ReviewUser, queueId: number): Promise<ExportedAudit[]> {
  await queueForUser(user, queueId);
  return (await listQueueAudits(queueId)).map((row) => exportedAudit(row, canManageQueues(user)));
}

const CSV_COLUMNS = [
  "audit_id",
  "generation_id",
  "simulated",
  "question",
  "answer",
  "verdict",
  "adjudicated_verdict",
  "adjudication_note",
  "adjudicated_by_id",
  "adjudicated_by_name",
  "adjudicated_at",
  "final_verdict",
  "final_verdict_from",
  "hallucinated_spans",
  "hallucinated_span_video_times",
  "label_present",
  "note",
  "rater_id",
  "rater_name",
  "rater_email",
  "updated_at",
  "submitted",
  "submitted_at",
] as const;

const seconds = (value: number | null) => (value === null ? "" : `${value}`);

function csvRow(audit: ExportedAudit): Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> {
  return {
    audit_id: audit.auditId,
    generation_id: audit.generationId,
    simulated: audit.simulated,
    question: audit.question,
    answer: audit.answer,
    verdict: audit.verdict,
    adjudicated_verdict: audit.adjudicatedVerdict,
    adjudication_note: audit.adjudication?.note ?? null,
    adjudicated_by_id: audit.adjudication?.by.id ?? null,
    adjudicated_by_name: audit.adjudication?.by.name ?? null,
    adjudicated_at: audit.adjudication?.at ?? null,
    final_verdict: audit.finalVerdict,
    final_verdict_from: audit.finalVerdictFrom,
    hallucinated_spans: audit.hallucinatedSpans.map((span) => span.text).join(" | "),
    hallucinated_span_video_times: audit.hallucinatedSpans
      .map((span) =>
        span.videoStartSec === null && span.videoEndSec === null ? "" : `${seconds(span.videoStartSec)}-${seconds(span.videoEndSec)}`,
      )
      .join(" | "),
    label_present: audit.labelPresent,
    note: audit.note,
    rater_id: audit.rater.id,
    rater_name: audit.rater.name,
    rater_email: audit.rater.email,
    updated_at: audit.updatedAt,
    submitted: audit.submitted,
    submitted_at: audit.submittedAt,
  };
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditsCsv(audits: readonly ExportedAudit[]): string {
  return stringify(audits.map(csvRow), {
    header: true,
    columns: [...CSV_COLUMNS],
    cast: { boolean: (value) => (value ? "yes" : "no"), string: neutraliseFormula },
  });
}

function auditsJsonl(audits: readonly ExportedAudit[]): string {
  return audits.map((audit) => `${JSON.stringify(audit)}\n`).join("");
}

/** The queue's audits as a CSV or JSONL download; each download is recorded as `review.audits.export`. */
export async function exportQueueAudits(
  user: ReviewUser,
  actor: Actor,
  queueId: number,
  format: AuditExportFormat,
): Promise<{ body: string; contentType: string; fileName: string }> {
  const audits = await queueAudits(user, queueId);
  await inTransaction((tx) =>
    recordAudit(tx, actor, { action: "review.audits.export", targetId: queueId, details: { format, audits: audits.length } }),
  );
  return {
    body: format === "csv" ? auditsCsv(audits) : auditsJsonl(audits),
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    fileName: `review-queue${queueId}-audits.${format}`,
  };
}
