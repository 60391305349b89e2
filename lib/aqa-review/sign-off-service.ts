import { z } from "zod";
import { qualityScoreSchema } from "@/lib/review/schemas/audit-schemas";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { findGenerationDetail } from "./aqa-repository";
import { SIGN_OFF_DECISIONS } from "./sign-off-decisions";
import { listSignOffs, upsertSignOff } from "./sign-off-repository";
import { signOffView, type SignOffView } from "./sign-off-view";

/** The PI's decision on an explanation: accepted, or rejected with a reason (a reason for accepting is kept too); an optional 1–5 quality score and comment. */
export const SignOffInput = z
  .object({
    decision: z.enum(SIGN_OFF_DECISIONS),
    /** How good the explanation is, 1 (poor) to 5 (excellent); optional. */
    qualityScore: qualityScoreSchema.nullable().default(null),
    reason: z.string().trim().max(500, "at most 500 characters").default(""),
    comment: z.string().trim().max(5000, "at most 5000 characters").default(""),
  })
  .refine((input) => input.decision !== "REJECTED" || input.reason.length > 0, {
    path: ["reason"],
    message: "a rejected explanation needs a reason",
  });
export type SignOffInput = z.infer<typeof SignOffInput>;

export interface SignOffRequest {
  generationId: number;
  /** A person: a sign-off is theirs. */
  actor: Actor & { userId: string };
  input: SignOffInput;
}

/**
 * Records (or replaces) the actor's sign-off on an AQA explanation, with its
 * `aqa.explanation.sign-off` audit entry in the same transaction. Null when the generation is not a
 * FineDiving AQA answer.
 */
export async function signOffExplanation(request: SignOffRequest): Promise<SignOffView | null> {
  const generation = await findGenerationDetail(request.generationId);
  if (generation === null || !generation.question.kind.startsWith("aqa-") || generation.question.dataset.format !== "FINEDIVING") {
    return null;
  }
  const { input, actor } = request;
  const { reason } = input;
  const row = await inTransaction(async (tx) => {
    const signed = await upsertSignOff(
      {
        generationId: request.generationId,
        userId: actor.userId,
        decision: input.decision,
        qualityScore: input.qualityScore,
        reason,
        comment: input.comment,
      },
      tx,
    );
    await recordAudit(tx, actor, {
      action: "aqa.explanation.sign-off",
      targetId: request.generationId,
      details: {
        decision: input.decision,
        qualityScore: input.qualityScore,
        reason,
        comment: input.comment,
        previousDecision: signed.previous,
        cycleId: generation.cycleId,
        videoKey: generation.question.video.key,
      },
    });
    return signed.row;
  });
  return signOffView(row);
}

export async function explanationSignOffs(generationId: number): Promise<SignOffView[]> {
  return (await listSignOffs(generationId)).map(signOffView);
}
