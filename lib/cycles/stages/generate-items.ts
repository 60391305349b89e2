import { defaultMaxListeners, setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { CircuitOpenError, type Checkpoint, type GenerateResult, type InferenceClient } from "@/lib/backends";
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
import { CIRCUIT_OPEN, classifyFailure, isAbort } from "../engine/failures";
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
  client: Pick<InferenceClient, "generate" | "config">;
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
/**
 * How long a batch waits out open circuits, from the first it meets: several of a backend's default
 * 30 s cool-downs. Items still refused then are left for the batch's next run.
 */
const MAX_CIRCUIT_WAIT_MS = 120_000;

/**
 * Asks the model for every item (as many in flight as the backend allows), writes the answers in
 * bulk as they arrive (judged, with their verdicts, when a verifier is given), retries the failed
 * ones once more, and records what still failed. A request refused by an open circuit breaker is no
 * attempt: it waits for the circuit to let requests through again, and an item still refused after
 * that (MAX_CIRCUIT_WAIT_MS) is recorded without using one of its attempts.
 */
export async function generateItems(input: GenerateItemsInput): Promise<GenerateItemsResult> {
  const { run } = input;
  const targetsOf = new Map<GenerationItem, Target[]>();
  const writer = new GenerationWriter(input, targetsOf);
  const gate = new CircuitGate(run, () => input.doneBefore + writer.written, (input.config.execution.leaseSeconds * 1000) / 3);
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

  let retry = await attempt(input, valid, targetsOf, writer, gate);
  if (retry.some((r) => !r.failure.permanent) && !run.stopped) {
    const again = retry.filter((r) => !r.failure.permanent).map((r) => r.item);
    retry = [...retry.filter((r) => r.failure.permanent), ...(await attempt(input, again, targetsOf, writer, gate))];
  }
  await writer.close();
  for (const { item, failure } of retry) {
    failures.push(
      failureOf(input.mode, item, failure.reason, failure.message, attemptsUsed(failure, input.config.execution.maxItemAttempts)),
    );
  }
  await recordItemErrors(input.cycleId, input.stage, failures);
  const recovered = input.items.filter((item) => item.hasOpenError && writer.has(item));
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
  gate: CircuitGate,
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
        const failure = await ask(input, item, targetsOf, writer, gate);
        if (failure) failed.push({ item, failure });
      }
    }),
  );
  return failed;
}

/**
 * Asks for one item's answer and hands it to the writer; the failure when it could not be had (none
 * when stopped). Refused by an open circuit, it waits for the circuit (see CircuitGate) and asks again.
 */
async function ask(
  input: GenerateItemsInput,
  item: GenerationItem,
  targetsOf: ReadonlyMap<GenerationItem, Target[]>,
  writer: GenerationWriter,
  gate: CircuitGate,
): Promise<ItemRetry["failure"] | undefined> {
  const prompt = promptFor(input, item);
  for (;;) {
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
      if (isAbort(error, input.run.signal)) return undefined;
      if (error instanceof CircuitOpenError && (await gate.waitFor(error.retryInMs))) continue;
      return classifyFailure(error);
    }
  }
}

/** Attempts an item's failure uses up: all of them when no retry can help, none when the circuit refused it. */
function attemptsUsed(failure: ItemRetry["failure"], maxItemAttempts: number): number {
  if (failure.permanent) return maxItemAttempts;
  return failure.reason === CIRCUIT_OPEN ? 0 : 1;
}

function promptFor(input: GenerateItemsInput, item: GenerationItem): string {
  if (input.mode === "RATIONALIZATION") {
    return renderPrompt(input.config.prompts.rationalization, { question: item.question, label: labelText(item.targets as Target[]) });
  }
  return renderPrompt(input.config.prompts.answer, { question: item.question });
}

/**
 * Where the lanes of a batch wait for an open circuit breaker: until its cool-down is over (or a
 * probe settled it), renewing the batch's lease meanwhile, for at most MAX_CIRCUIT_WAIT_MS from the
 * first wait. A backend whose breaker stays open for its default 30 s must not make items use up
 * their attempts by being refused without being asked.
 */
class CircuitGate {
  private deadline: number | undefined;
  private lastRenewal = Date.now();

  constructor(
    private readonly run: BatchRun,
    private readonly doneCount: () => number,
    private readonly renewEveryMs: number,
  ) {}

  /** Waits `retryInMs` (at least a moment); false when the batch should not wait any more. */
  async waitFor(retryInMs: number): Promise<boolean> {
    const now = Date.now();
    this.deadline ??= now + MAX_CIRCUIT_WAIT_MS;
    const until = now + Math.max(retryInMs, 100) + Math.random() * 200;
    if (until > this.deadline || this.run.stopped) return false;
    while (Date.now() < until && !this.run.stopped) {
      await sleep(Math.min(until - Date.now(), 500), undefined, { signal: this.run.signal }).catch(() => {});
      if (Date.now() - this.lastRenewal >= this.renewEveryMs) {
        this.lastRenewal = Date.now();
        await this.run.report(this.doneCount()).catch(() => true);
      }
    }
    return !this.run.stopped;
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
