import { targetsSchema, type Target, type VerifierConfig } from "@/lib/verifier";
import {
  insertVerdicts,
  recordItemErrors,
  resolveItemErrors,
  type GenerationMode,
  type ItemFailure,
  type NewVerdict,
} from "../db/generation-store";
import type { VerificationItem } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import { classifyFailure, isAbort } from "../engine/failures";
import type { Stage } from "../state-machine";
import { judge, judgeMany, type JudgeItem, type VerifierBackends } from "./judge";

const WRITE_ROWS = 1000;
/** Answers verified together with the embeddings backend: one embeddings request (split by the client) each. */
const BACKEND_CHUNK = 250;

export interface VerifyItemsInput {
  run: BatchRun;
  cycleId: number;
  stage: Stage;
  mode: GenerationMode;
  items: readonly VerificationItem[];
  verifier: VerifierConfig;
  /** The run's embeddings backend, when it names one. */
  backends?: VerifierBackends;
  maxItemAttempts: number;
  doneBefore: number;
}

/**
 * Verifies answers against their question's targets and writes the verdicts in bulk. Without an
 * embeddings backend the verifier runs synchronously (captions use the lexical fallback under the
 * paper preset; the reference-code preset's sentence rules say they could not be applied). With
 * one, answers are verified in chunks, one embeddings request per chunk; a chunk the backend fails
 * on becomes retryable item errors (a backend failure, never a wrong answer). A question whose
 * targets are invalid cannot be verified by any retry: it is given up with that reason.
 */
export async function verifyItems(input: VerifyItemsInput): Promise<{ written: number; failed: number }> {
  let written = 0;
  const failures: ItemFailure[] = [];
  const recovered: VerificationItem[] = [];
  let pending: NewVerdict[] = [];
  const write = async () => {
    written += await insertVerdicts(pending);
    pending = [];
    await input.run.report(input.doneBefore + written);
  };
  let chunk: { item: VerificationItem; judgeItem: JudgeItem }[] = [];
  const judgeChunk = async () => {
    const entries = chunk;
    chunk = [];
    if (entries.length === 0 || input.backends === undefined) return;
    try {
      const verdicts = await judgeMany(
        entries.map((entry) => entry.judgeItem),
        input.verifier,
        input.backends,
      );
      entries.forEach((entry, i) => {
        pending.push({ generationId: entry.item.generationId, ...(verdicts[i] as (typeof verdicts)[number]) });
        recovered.push(entry.item);
      });
    } catch (error) {
      if (isAbort(error, input.run.signal)) return;
      const cause = classifyFailure(error);
      const attempts = cause.permanent ? input.maxItemAttempts : 1;
      for (const { item } of entries) {
        failures.push(failure(input, item, `embeddings-${cause.reason}`, `embeddings backend: ${cause.message}`, attempts));
      }
    }
    if (pending.length >= WRITE_ROWS) await write();
  };

  for (const item of input.items) {
    if (input.run.stopped) break;
    const targets = targetsSchema.safeParse(item.targets);
    if (!targets.success) {
      const message = `question ${item.questionId} has invalid targets: ${targets.error.issues[0]?.message ?? "unreadable"}`;
      // Verification is deterministic: a retry would fail the same way.
      failures.push(failure(input, item, "invalid-targets", message, input.maxItemAttempts));
      continue;
    }
    const judgeItem = judgeItemOf(item, targets.data);
    if (input.backends !== undefined) {
      chunk.push({ item, judgeItem });
      if (chunk.length >= BACKEND_CHUNK) await judgeChunk();
      continue;
    }
    try {
      pending.push({ generationId: item.generationId, ...judge(judgeItem, input.verifier) });
      recovered.push(item);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(failure(input, item, "verifier-error", message, input.maxItemAttempts));
    }
    if (pending.length >= WRITE_ROWS) await write();
  }
  if (!input.run.stopped) await judgeChunk();
  if (pending.length > 0) await write();
  await recordItemErrors(input.cycleId, input.stage, failures);
  await resolveItemErrors(
    input.cycleId,
    input.stage,
    recovered
      .filter((item) => item.failedAttempts > 0)
      .map((item) => ({ questionId: item.questionId, mode: input.mode, sampleIndex: item.sampleIndex })),
  );
  return { written, failed: failures.length };
}

function judgeItemOf(item: VerificationItem, targets: Target[]): JudgeItem {
  return { targets, text: item.text, kind: item.kind, question: item.question, clipDurationSec: item.clipDurationSec ?? null };
}

function failure(input: VerifyItemsInput, item: VerificationItem, reason: string, message: string, attempts: number): ItemFailure {
  return { questionId: item.questionId, mode: input.mode, sampleIndex: item.sampleIndex, reason, message, attempts };
}
