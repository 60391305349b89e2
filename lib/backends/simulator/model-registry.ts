/**
 * What the simulated vLLM server serves: one base model, the embedding model, and LoRA adapters
 * loaded at run time from paths that a (simulated) training job produced.
 */
import { readSimulatedAdapterStrength } from "./adapter-files";

export interface ModelCard {
  id: string;
  object: "model";
  created: number;
  owned_by: "vllm";
  root: string;
  parent: string | null;
  max_model_len: number | null;
  permission: {
    id: string;
    object: "model_permission";
    created: number;
    allow_sampling: boolean;
    allow_view: boolean;
    organization: "*";
    is_blocking: false;
  }[];
}

export type RegistryResult =
  | { ok: true; message: string }
  | { ok: false; status: 400 | 404; type: "InvalidUserInput" | "BadRequestError" | "NotFoundError"; message: string };

interface LoadedAdapter {
  name: string;
  path: string;
  strength: number;
  created: number;
}

export interface RegistryOptions {
  baseModel: string;
  embeddingModel: string;
  maxModelLen: number;
  /** Look for a simulated adapter_config.json in unknown adapter paths. */
  readAdapterFiles: boolean;
  now: () => number;
}

function normalizeAdapterPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export class ModelRegistry {
  private readonly trained = new Map<string, number>();
  private readonly loaded = new Map<string, LoadedAdapter>();
  private readonly created: number;

  constructor(private readonly options: RegistryOptions) {
    this.created = this.unixNow();
  }

  get baseModel(): string {
    return this.options.baseModel;
  }

  get embeddingModel(): string {
    return this.options.embeddingModel;
  }

  /** A training run finished: its output directory now holds an adapter of this strength. */
  registerTrainedAdapter(path: string, strength: number): void {
    this.trained.set(normalizeAdapterPath(path), strength);
  }

  async load(name: string | undefined, path: string | undefined): Promise<RegistryResult> {
    if (!name || !path) {
      return { ok: false, status: 400, type: "InvalidUserInput", message: "Both 'lora_name' and 'lora_path' must be provided." };
    }
    if (this.loaded.has(name) || name === this.baseModel || name === this.embeddingModel) {
      return { ok: false, status: 400, type: "InvalidUserInput", message: `The lora adapter '${name}' has already been loaded.` };
    }
    const normalized = normalizeAdapterPath(path);
    const strength =
      this.trained.get(normalized) ?? (this.options.readAdapterFiles ? await readSimulatedAdapterStrength(normalized) : undefined);
    if (strength === undefined) {
      return {
        ok: false,
        status: 400,
        type: "BadRequestError",
        message: `Loading lora ${name} failed: No adapter found for ${path} (the simulator knows only adapters written by its own training jobs)`,
      };
    }
    this.loaded.set(name, { name, path, strength, created: this.unixNow() });
    return { ok: true, message: `Success: LoRA adapter '${name}' added successfully.` };
  }

  unload(name: string | undefined): RegistryResult {
    if (!name) {
      return { ok: false, status: 400, type: "InvalidUserInput", message: "either 'lora_name' and 'lora_int_id' needs to be provided." };
    }
    if (!this.loaded.delete(name)) {
      return { ok: false, status: 404, type: "NotFoundError", message: `The lora adapter '${name}' cannot be found.` };
    }
    return { ok: true, message: `Success: LoRA adapter '${name}' removed successfully.` };
  }

  /** Strength of a chat model by name: 0 for the base model, undefined when not served. */
  strengthOf(model: string): number | undefined {
    if (model === this.baseModel) return 0;
    return this.loaded.get(model)?.strength;
  }

  servesEmbeddings(model: string): boolean {
    return model === this.embeddingModel || this.strengthOf(model) !== undefined;
  }

  list(): ModelCard[] {
    const card = (id: string, root: string, parent: string | null, created: number, maxLen: number | null): ModelCard => ({
      id,
      object: "model",
      created,
      owned_by: "vllm",
      root,
      parent,
      max_model_len: maxLen,
      permission: [
        {
          id: `modelperm-sim-${id}`,
          object: "model_permission",
          created,
          allow_sampling: true,
          allow_view: true,
          organization: "*",
          is_blocking: false,
        },
      ],
    });
    return [
      card(this.baseModel, this.baseModel, null, this.created, this.options.maxModelLen),
      ...[...this.loaded.values()].map((a) => card(a.name, a.path, this.baseModel, a.created, null)),
      card(this.embeddingModel, this.embeddingModel, null, this.created, 512),
    ];
  }

  private unixNow(): number {
    return Math.floor(this.options.now() / 1000);
  }
}
