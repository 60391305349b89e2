import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { conflict, forbidden } from "@/lib/errors/domain-error";
import { canOverseeQueues, type ReviewUser } from "../access";
import { resolveSpans } from "../audits/spans";
import { AUDIT_VERDICTS, type AuditVerdict } from "../constants";
import { withTransaction } from "../db/transaction";
import { itemNotFound } from "../errors";
import { invalidateQueueMetrics } from "../metrics/metrics-cache";
import { queueForOverseer } from "../queues/queue-access";
import { storedSpansSchema, type HallucinatedSpan } from "../schemas/audit-schemas";
import {
  listMultiplyRatedAudits,
  listOverlapQueues,
  lockItemToAdjudicate,
  type QueueToAdjudicate,
  type RatedAuditRow,
  upsertAdjudication,
} from "./adjudication-repository";
import { disagreementsOf, type DisagreementKind } from "./disagreement";

const spanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((span) => span.start < span.end, { message: "start must come before end", path: ["end"] });

/** The final verdict on an item: the verdict, the spans kept (offsets into the answer), and why. */
export const adjudicationSchema = z
  .object({
    verdict: z.enum(AUDIT_VERDICTS),
    hallucinatedSpans: z.array(spanSchema).max(200).default([]),
    note: z.string().trim().min(1, "say why: a note is required").max(10_000),
  })
  .strict();
type AdjudicationInput = z.infer<typeof adjudicationSchema>;

interface RaterView {
  id: string;
  name: string;
  verdict: AuditVerdict | null;
  hallucinatedSpans: HallucinatedSpan[];
  labelPresent: boolean | null;
  note: string;
}

export interface AdjudicationView {
  verdict: AuditVerdict;
  hallucinatedSpans: HallucinatedSpan[];
  note: string;
  by: { id: string; name: string | null };
  at: string;
}

export interface DisagreementItem {
  itemId: number;
  isGold: boolean;
  generationId: number;
  simulated: boolean;
  question: string;
  answer: string;
  /** What the raters disagree on; empty for an item adjudicated although they agreed. */
  disagreeOn: DisagreementKind[];
  raters: RaterView[];
  adjudication: AdjudicationView | null;
}

/**
 * The queue's items whose raters disagree (lib/review/adjudication/disagreement: by verdict, or by
 * spans), and any other item already adjudicated, in queue order, each with every rater's
 * submitted verdict, spans and note beside the answer. For admins, researchers and PIs.
 */
export async function listDisagreements(
  user: ReviewUser,
  queueId: number,
): Promise<{ items: DisagreementItem[]; open: number; adjudicated: number }> {
  await queueForOverseer(user, queueId);
  const byItem = new Map<number, RatedAuditRow[]>();
  for (const row of await listMultiplyRatedAudits(queueId)) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row]);
  const items: DisagreementItem[] = [];
  for (const rows of byItem.values()) {
    const first = rows[0]!;
    const raters = rows.map((row) => ({
      id: row.raterId,
      name: row.raterName,
      verdict: row.verdict,
      hallucinatedSpans: storedSpansSchema.parse(row.hallucinatedSpans),
      labelPresent: row.labelPresent,
      note: row.note,
    }));
    const disagreeOn = disagreementsOf(raters.map((rater) => ({ verdict: rater.verdict, spans: rater.hallucinatedSpans })));
    const adjudication: AdjudicationView | null =
      first.adjudicatedVerdict === null
        ? null
        : {
            verdict: first.adjudicatedVerdict,
            hallucinatedSpans: storedSpansSchema.parse(first.adjudicatedSpans),
            note: first.adjudicationNote ?? "",
            by: { id: first.adjudicatorId ?? "", name: first.adjudicatorName },
            at: first.adjudicatedAt?.toISOString() ?? "",
          };
    if (disagreeOn.length === 0 && adjudication === null) continue;
    items.push({
      itemId: first.itemId,
      isGold: first.isGold,
      generationId: first.generationId,
      simulated: first.simulated,
      question: first.question,
      answer: first.answer,
      disagreeOn,
      raters,
      adjudication,
    });
  }
  const adjudicated = items.filter((item) => item.adjudication !== null).length;
  return { items, open: items.length - adjudicated, adjudicated };
}

export type { QueueToAdjudicate };

/** The queues raters can disagree in (overlap above one), for the people who record final verdicts. */
export async function listQueuesToAdjudicate(user: ReviewUser): Promise<QueueToAdjudicate[]> {
  if (!canOverseeQueues(user)) throw forbidden(`The ${user.role.toLowerCase()} role may not record final verdicts`);
  return listOverlapQueues(MAX_QUEUES_LISTED);
}
const MAX_QUEUES_LISTED = 200;

/**
 * Records the final verdict on a queue item's answer (replacing an earlier one), with the spans
 * kept and a note, in one transaction with its `review.adjudicate` audit entry. The adjudication
 * belongs to the generation: metrics and exports use it in place of the raters' verdicts wherever
 * that answer was reviewed. Only items someone submitted can be adjudicated.
 */
export async function adjudicateItem(
  user: ReviewUser,
  actor: Actor,
  queueId: number,
  itemId: number,
  input: AdjudicationInput,
): Promise<AdjudicationView> {
  const view = await withTransaction(async (client) => {
    await queueForOverseer(user, queueId, client, true);
    const item = await lockItemToAdjudicate(client, queueId, itemId);
    if (!item) throw itemNotFound(itemId);
    if (item.submitted === 0) throw conflict(`Nobody has submitted item ${itemId} yet: there is nothing to adjudicate`);
    const spans = resolveSpans(item.answer, input.hallucinatedSpans);
    const saved = await upsertAdjudication(client, {
      generationId: item.generationId,
      userId: user.id,
      verdict: input.verdict,
      spans,
      note: input.note,
    });
    await recordAuditWithPg(client, actor, {
      action: "review.adjudicate",
      targetId: item.generationId,
      details: { queueId, itemId, verdict: input.verdict, previousVerdict: item.previousVerdict, spans: spans.length, note: input.note },
    });
    return {
      verdict: input.verdict,
      hallucinatedSpans: spans,
      note: input.note,
      by: { id: user.id, name: null },
      at: saved.updatedAt.toISOString(),
    };
  });
  invalidateQueueMetrics(queueId);
  return view;
}
