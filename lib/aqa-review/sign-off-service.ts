import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { findGenerationDetail } from "./aqa-repository";
import { listSignOffs, SIGN_OFF_DECISIONS, upsertSignOff } from "./sign-off-repository";
import { signOffView, type SignOffView } from "./sign-off-view";

/** The PI's decision on an explanation: accepted, or rejected with a reason; an optional comment. */
export const SignOffInput = z
  .object({
    decision: z.enum(SIGN_OFF_DECISIONS),
    reason: z.string().trim().max(500, "at most 500 characters").default(""),
    comment: z.string().trim().max(5000, "at most 5000 characters").default(""),
  })
  .refine((input) => input.decision !== "REJECTED" || input.reason.length > 0, {
    path: ["reason"],
    message: "a rejected explanation needs a reason",
  });
export type SignOffInput = z.infer<typeof SignOffInput>;

export const SIGN_OFF_AUDIT_ACTION = "aqa.explanation.sign-off";

export interface SignOffRequest {
  generationId: number;
  actor: { id: string };
  input: SignOffInput;
  ipAddress?: string | null;
}

/**
 * Records (or replaces) the actor's sign-off on an AQA explanation and writes it to the audit log.
 * Null when the generation is not a FineDiving AQA answer.
 */
export async function signOffExplanation(request: SignOffRequest): Promise<SignOffView | null> {
  const generation = await findGenerationDetail(request.generationId);
  if (generation === null || !generation.question.kind.startsWith("aqa-") || generation.question.dataset.format !== "FINEDIVING") {
    return null;
  }
  const { input } = request;
  const reason = input.decision === "ACCEPTED" ? "" : input.reason;
  const { row, previous } = await upsertSignOff({
    generationId: request.generationId,
    userId: request.actor.id,
    decision: input.decision,
    reason,
    comment: input.comment,
  });
  await recordAuditEvent({
    actorId: request.actor.id,
    action: SIGN_OFF_AUDIT_ACTION,
    targetType: "Generation",
    targetId: request.generationId,
    details: {
      decision: input.decision,
      reason,
      comment: input.comment,
      previousDecision: previous,
      cycleId: generation.cycleId,
      videoKey: generation.question.video.key,
    },
    ipAddress: request.ipAddress ?? null,
  });
  return signOffView(row);
}

export async function explanationSignOffs(generationId: number): Promise<SignOffView[]> {
  return (await listSignOffs(generationId)).map(signOffView);
}
