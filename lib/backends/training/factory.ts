import { parseTrainingBackendConfig, type TrainingBackendConfigInput } from "@/lib/backends/config";
import { RayJobsBackend } from "@/lib/backends/training/ray";
import { SlurmBackend, type SlurmBackendDeps } from "@/lib/backends/training/slurm";
import type { TrainingBackend } from "@/lib/backends/training/types";

/** A training backend from its stored configuration (validated here). */
export function createTrainingBackend(config: TrainingBackendConfigInput | unknown, deps: SlurmBackendDeps = {}): TrainingBackend {
  const parsed = parseTrainingBackendConfig(config);
  return parsed.kind === "slurm" ? new SlurmBackend(parsed, deps) : new RayJobsBackend(parsed, deps);
}
