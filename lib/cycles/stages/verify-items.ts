import { targetsSchema, type VerifierConfig } from "@/lib/verifier";
import { insertVerdicts, recordItemErrors, type GenerationMode, type ItemFailure, type NewVerdict } from "../db/generation-store";
import type { VerificationItem } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import type { Stage } from "../state-machine";
import { judge } from "./judge";

const WRITE_ROWS = 1000;

export interface VerifyItemsInput {
  run: BatchRun;
  cycleId: number;
  stage: Stage;
  mode: GenerationMode;
  items: readonly VerificationItem[];
  verifier: VerifierConfig;
  maxItemAttempts: number;
  doneBefore: number;
}

/**
 * Verifies answers against their question's targets (parser-verifier, synchronous: no embedder,
 * so captions use the verifier's lexical fallback) and writes the verdicts in bulk. A question
 * whose targets are invalid cannot be verified by any retry: it is given up with that reason.
 */
export async function verifyItems(input: VerifyItemsInput): Promise<{ written: number; failed: number }> {
  let written = 0;
  const failures: ItemFailure[] = [];
  let pending: NewVerdict[] = [];
  const write = async () => {
    written += await insertVerdicts(pending);
    pending = [];
    await input.run.report(input.doneBefore + written);
  };
  for (const item of input.items) {
    if (input.run.stopped) break;
    const targets = targetsSchema.safeParse(item.targets);
    if (!targets.success) {
      failures.push(
        failure(
          input,
          item,
          "invalid-targets",
          `question ${item.questionId} has invalid targets: ${targets.error.issues[0]?.message ?? "unreadable"}`,
        ),
      );
      continue;
    }
    try {
      pending.push({ generationId: item.generationId, ...judge(targets.data, item.text, input.verifier) });
    } catch (error) {
      failures.push(failure(input, item, "verifier-error", error instanceof Error ? error.message : String(error)));
    }
    if (pending.length >= WRITE_ROWS) await write();
  }
  if (pending.length > 0) await write();
  await recordItemErrors(input.cycleId, input.stage, failures);
  return { written, failed: failures.length };
}

function failure(input: VerifyItemsInput, item: VerificationItem, reason: string, message: string): ItemFailure {
  // Verification is deterministic: a retry would fail the same way.
  return { questionId: item.questionId, mode: input.mode, sampleIndex: item.sampleIndex, reason, message, attempts: input.maxItemAttempts };
}
