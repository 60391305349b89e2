import { defaultMaxListeners, setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Checkpoint, GenerateResult, InferenceClient } from "@/lib/backends";
import { targetsSchema, type Target, type VerifierConfig } from "@/lib/verifier";
import type { CycleConfig } from "../config";
import {
  insertGenerations,
  recordItemErrors,
  resolveItemErrors,
  type GenerationMode,
  type ItemFailure,
  type JudgedVerdict,
  type NewGeneration,
} from "../db/generation-store";
import type { GenerationItem } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import { classifyFailure, isAbort } from "../engine/failures";
import { labelText } from "../label-text";
import { renderPrompt } from "../prompts";
import type { Stage } from "../state-machine";
import { judge, judgeMany, type JudgeItem, type VerifierBackends } from "./judge";

export interface GenerateItemsInput {
  run: BatchRun;
  cycleId: number;
  stage: Stage;
  mode: GenerationMode;
  items: readonly GenerationItem[];
  config: CycleConfig;
  /** Its `config.maxConcurrency` is also how many of this batch's requests are under way (or queued in it) at once. */
  client: Pick<InferenceClient, "generate" | "circuitState" | "config">;
  simulated: boolean;
  checkpoint: Checkpoint;
  videoUrl: (videoId: number) => string;
  /**
   * When given, each answer is judged as it arrives and its Verdict written with its Generation:
   * the stage that verifies then has nothing left to read back. An answer the verifier cannot
   * judge is written without one (that stage records why).
   */
  verifier?: VerifierConfig;
  /**
   * The run's embeddings backend: answers are then judged in bulk as each write is prepared (one
   * embeddings request per write); if the backend fails, they are written without verdicts and the
   * stage that verifies retries them.
   */
  backends?: VerifierBackends;
  /** Rows already there in the batch (for progress reports). */
  doneBefore: number;
}

export interface GenerateItemsResult {
  written: number;
  failed: number;
}

/** Answers per write: each write is a statement, a commit and a lease renewal. */
const FLUSH_ROWS = 250;
const FLUSH_MS = 1000;
/** The longest a retry pass waits for an open circuit to let requests through again. */
const MAX_CIRCUIT_WAIT_MS = 10_000;

/**
 * Asks the model for every item (as many in flight as the backend allows), writes the answers in
 * bulk as they arrive (judged, with their verdicts, when a verifier is given), retries the failed
 * ones once more, and records what still failed.
 */
export async function generateItems(input: GenerateItemsInput): Promise<GenerateItemsResult> {
  const { run } = input;
  const targetsOf = new Map<GenerationItem, Target[]>();
  const writer = new GenerationWriter(input, targetsOf);
  const valid: GenerationItem[] = [];
  const failures: ItemFailure[] = [];
  for (const item of input.items) {
    const targets = targetsSchema.safeParse(item.targets);
    if (targets.success) {
      valid.push(item);
      targetsOf.set(item, targets.data);
    } else
      failures.push(
        failureOf(
          input.mode,
          item,
          "invalid-targets",
          `question ${item.questionId} has invalid targets: ${targets.error.issues[0]?.message ?? "unreadable"}`,
          input.config.execution.maxItemAttempts,
        ),
      );
  }

  let retry = await attempt(input, valid, targetsOf, writer);
  if (retry.some((r) => !r.failure.permanent) && !run.stopped) {
    await waitForCircuit(input.client, run.signal);
    const again = retry.filter((r) => !r.failure.permanent).map((r) => r.item);
    retry = [...retry.filter((r) => r.failure.permanent), ...(await attempt(input, again, targetsOf, writer))];
  }
  await writer.close();
  for (const { item, failure } of retry) {
    failures.push(
      failureOf(input.mode, item, failure.reason, failure.message, failure.permanent ? input.config.execution.maxItemAttempts : 1),
    );
  }
  await recordItemErrors(input.cycleId, input.stage, failures);
  const recovered = input.items.filter((item) => item.failedAttempts > 0 && writer.has(item));
  await resolveItemErrors(
    input.cycleId,
    input.stage,
    recovered.map((item) => ({ questionId: item.questionId, mode: input.mode, sampleIndex: item.sampleIndex })),
  );
  return { written: writer.written, failed: failures.length };
}

interface ItemRetry {
  item: GenerationItem;
  failure: ReturnType<typeof classifyFailure>;
}

/**
 * One pass over the items: as many lanes as the backend takes requests at once, each asking for
 * the next item when its answer is in. Requests are only built when they can go out, so a batch
 * keeps a few dozen in memory rather than all of them (the client's own limit, shared by the
 * batches of this process, still decides what is in flight).
 */
async function attempt(
  input: GenerateItemsInput,
  items: readonly GenerationItem[],
  targetsOf: ReadonlyMap<GenerationItem, Target[]>,
  writer: GenerationWriter,
): Promise<ItemRetry[]> {
  const failed: ItemRetry[] = [];
  let next = 0;
  const lanes = Math.min(items.length, input.client.config.maxConcurrency);
  // Each lane's request in flight listens for the batch to stop: one listener per lane on the
  // batch's signal is the design, not a leak (past Node's default of 10 it would warn).
  setMaxListeners(Math.max(defaultMaxListeners, lanes + 1), input.run.signal);
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length && !input.run.stopped) {
        const item = items[next++]!;
        const failure = await ask(input, item, targetsOf, writer);
        if (failure) failed.push({ item, failure });
      }
    }),
  );
  return failed;
}

/** Asks for one item's answer and hands it to the writer; the failure when it could not be had (none when stopped). */
async function ask(
  input: GenerateItemsInput,
  item: GenerationItem,
  targetsOf: ReadonlyMap<GenerationItem, Target[]>,
  writer: GenerationWriter,
): Promise<ItemRetry["failure"] | undefined> {
  const prompt = promptFor(input, item);
  try {
    const result = await input.client.generate({
      prompt,
      video: { url: input.videoUrl(item.videoId) },
      checkpoint: input.checkpoint,
      sampling: {
        temperature: input.config.sampling.temperature,
        maxTokens: input.config.sampling.maxTokens,
        seed: input.config.seed + item.sampleIndex,
      },
      simulation: {
        videoId: String(item.videoId),
        targets: targetsOf.get(item) ?? [],
        mode: input.mode === "RATIONALIZATION" ? "rationalization" : "answer",
        questionKind: item.kind,
      },
      signal: input.run.signal,
    });
    writer.add(item, prompt, result);
    return undefined;
  } catch (error) {
    return isAbort(error, input.run.signal) ? undefined : classifyFailure(error);
  }
}

function promptFor(input: GenerateItemsInput, item: GenerationItem): string {
  if (input.mode === "RATIONALIZATION") {
    return renderPrompt(input.config.prompts.rationalization, { question: item.question, label: labelText(item.targets as Target[]) });
  }
  return renderPrompt(input.config.prompts.answer, { question: item.question });
}

async function waitForCircuit(client: Pick<InferenceClient, "circuitState">, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  while (client.circuitState === "open" && Date.now() - started < MAX_CIRCUIT_WAIT_MS && !signal.aborted) {
    await sleep(200, undefined, { signal }).catch(() => {});
  }
}

function failureOf(mode: GenerationMode, item: GenerationItem, reason: string, message: string, attempts: number): ItemFailure {
  return { questionId: item.questionId, mode, sampleIndex: item.sampleIndex, reason, message, attempts };
}

/** Buffers answers (judging them if asked) and writes them in bulk, one write at a time, reporting progress after each. */
class GenerationWriter {
  private buffer: NewGeneration[] = [];
  /** Rows of the buffer still to be judged with the embeddings backend, and what their verdict needs. */
  private toJudge: { row: NewGeneration; item: JudgeItem }[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly done = new Set<string>();
  private failure: unknown;
  written = 0;

  constructor(
    private readonly input: GenerateItemsInput,
    private readonly targetsOf: ReadonlyMap<GenerationItem, Target[]>,
  ) {}

  add(item: GenerationItem, prompt: string, result: GenerateResult): void {
    this.done.add(keyOf(item));
    const row: NewGeneration = {
      questionId: item.questionId,
      sampleIndex: item.sampleIndex,
      model: result.model,
      prompt,
      text: result.text,
      latencyMs: result.latencyMs,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      finishReason: result.finishReason,
    };
    const judgeItem = this.judgeItem(item, result.text);
    if (judgeItem !== undefined && this.input.backends !== undefined) this.toJudge.push({ row, item: judgeItem });
    else if (judgeItem !== undefined) {
      const verdict = this.judge(judgeItem);
      if (verdict !== undefined) row.verdict = verdict;
    }
    this.buffer.push(row);
    if (this.buffer.length >= FLUSH_ROWS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private judgeItem(item: GenerationItem, text: string): JudgeItem | undefined {
    const targets = this.targetsOf.get(item);
    if (!this.input.verifier || !targets) return undefined;
    return { targets, text, kind: item.kind, question: item.question, clipDurationSec: item.clipDurationSec ?? null };
  }

  private judge(item: JudgeItem): JudgedVerdict | undefined {
    if (!this.input.verifier) return undefined;
    try {
      return judge(item, this.input.verifier);
    } catch {
      return undefined;
    }
  }

  /** Judges rows with the embeddings backend; on its failure they are written without verdicts. */
  private async judgeWithBackends(pending: readonly { row: NewGeneration; item: JudgeItem }[]): Promise<void> {
    const { verifier, backends } = this.input;
    if (pending.length === 0 || !verifier || !backends) return;
    try {
      const verdicts = await judgeMany(
        pending.map((entry) => entry.item),
        verifier,
        backends,
      );
      pending.forEach((entry, i) => {
        const verdict = verdicts[i];
        if (verdict !== undefined) entry.row.verdict = verdict;
      });
    } catch {
      // The verify pass judges them again and records the backend's failure.
    }
  }

  has(item: GenerationItem): boolean {
    return this.done.has(keyOf(item));
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    const toJudge = this.toJudge;
    this.buffer = [];
    this.toJudge = [];
    this.chain = this.chain
      .then(async () => {
        if (this.failure !== undefined) return;
        await this.judgeWithBackends(toJudge);
        await insertGenerations(this.input.cycleId, this.input.mode, this.input.simulated, rows);
        this.written += rows.length;
        await this.input.run.report(this.input.doneBefore + this.written);
      })
      .catch((error: unknown) => {
        // Kept for close(); the answers not written stay pending and are asked again next run.
        this.failure ??= error;
        this.input.run.stop("writing answers failed");
      });
  }
}

function keyOf(item: GenerationItem): string {
  return `${item.questionId}:${item.sampleIndex}`;
}
