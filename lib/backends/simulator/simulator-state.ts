/** Everything a running simulator holds: options, served models, training jobs, fault plan. */
import { writeSimulatedAdapter } from "./adapter-files";
import { FaultPlanner, faultConfigSchema, type FaultConfig } from "./faults";
import { ModelRegistry } from "./model-registry";
import type { SimulatorOptions } from "./options";
import { RayJobStore } from "./ray-jobs";
import { z } from "zod";

export const runtimeConfigSchema = faultConfigSchema
  .partial()
  .extend({
    seed: z.number().int().optional(),
    trainingDurationMs: z.number().int().min(0).optional(),
    trainingFailureRate: z.number().min(0).max(1).optional(),
  })
  .strict();

export type RuntimeConfigPatch = z.infer<typeof runtimeConfigSchema>;

export interface RuntimeConfig extends FaultConfig {
  seed: number;
  trainingDurationMs: number;
  trainingFailureRate: number;
}

export class SimulatorState {
  readonly registry: ModelRegistry;
  readonly jobs: RayJobStore;
  readonly faults: FaultPlanner;
  private seedValue: number;
  private completionCounter = 0;
  /** Adapter files being written, awaited on close. */
  private readonly pendingWrites = new Set<Promise<void>>();

  constructor(
    readonly options: SimulatorOptions,
    readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.seedValue = options.seed;
    this.registry = new ModelRegistry({
      baseModel: options.baseModel,
      embeddingModel: options.embeddingModel,
      maxModelLen: options.maxModelLen,
      readAdapterFiles: options.adapterFiles,
      now,
    });
    for (const adapter of options.trainedAdapters) this.registry.registerTrainedAdapter(adapter.path, adapter.strength);
    this.jobs = new RayJobStore({
      seed: options.seed,
      durationMs: options.trainingDurationMs,
      failureRate: options.trainingFailureRate,
      now,
      onSucceeded: ({ outputDir, strength, submissionId }) => {
        this.registry.registerTrainedAdapter(outputDir, strength);
        this.log(`training job ${submissionId} succeeded: adapter of strength ${strength} at ${outputDir}`);
        if (options.adapterFiles) this.track(writeSimulatedAdapter(outputDir, strength, options.baseModel));
      },
    });
    this.faults = new FaultPlanner(options.faults, options.seed);
  }

  get seed(): number {
    return this.seedValue;
  }

  nextCompletionNumber(): number {
    return this.completionCounter++;
  }

  config(): RuntimeConfig {
    const { durationMs, failureRate } = this.jobs.settings();
    return { seed: this.seedValue, ...this.faults.current(), trainingDurationMs: durationMs, trainingFailureRate: failureRate };
  }

  /** Apply a runtime patch (POST /_sim/config). The fault sequence starts over. */
  configure(patch: RuntimeConfigPatch): RuntimeConfig {
    const current = this.config();
    const seed = patch.seed ?? current.seed;
    const faults = faultConfigSchema.parse({ ...this.faults.current(), ...stripUndefined(patch) });
    this.faults.reset(faults, seed);
    this.seedValue = seed;
    this.completionCounter = 0;
    this.jobs.configure({
      seed,
      durationMs: patch.trainingDurationMs ?? current.trainingDurationMs,
      failureRate: patch.trainingFailureRate ?? current.trainingFailureRate,
    });
    return this.config();
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.pendingWrites]);
  }

  private track(write: Promise<void>): void {
    const tracked = write
      .catch((error: unknown) => this.log(`could not write simulated adapter files: ${(error as Error).message}`))
      .finally(() => this.pendingWrites.delete(tracked));
    this.pendingWrites.add(tracked);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
