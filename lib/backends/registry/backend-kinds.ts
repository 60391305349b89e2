/** The backend protocols the clients in lib/backends speak, and what each needs. */
export const BACKEND_ROLES = ["INFERENCE", "TRAINING", "EMBEDDINGS"] as const;
export type BackendRoleName = (typeof BACKEND_ROLES)[number];

export const BACKEND_KINDS = ["openai", "simulator", "ray", "simulator-ray", "slurm"] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

interface KindTraits {
  label: string;
  roles: readonly BackendRoleName[];
  /** The client setting that carries the credential. */
  secretKey: "apiKey" | "authToken" | "userToken";
  secretRequired: boolean;
  simulated: boolean;
}

export const KIND_TRAITS: Record<BackendKind, KindTraits> = {
  openai: {
    label: "OpenAI-compatible (vLLM, SGLang, Ollama)",
    roles: ["INFERENCE", "EMBEDDINGS"],
    secretKey: "apiKey",
    secretRequired: false,
    simulated: false,
  },
  simulator: {
    label: "Simulator (OpenAI-compatible)",
    roles: ["INFERENCE", "EMBEDDINGS"],
    secretKey: "apiKey",
    secretRequired: false,
    simulated: true,
  },
  ray: { label: "Ray Jobs", roles: ["TRAINING"], secretKey: "authToken", secretRequired: false, simulated: false },
  "simulator-ray": { label: "Simulator (Ray Jobs)", roles: ["TRAINING"], secretKey: "authToken", secretRequired: false, simulated: true },
  slurm: { label: "Slurm REST (slurmrestd)", roles: ["TRAINING"], secretKey: "userToken", secretRequired: true, simulated: false },
};

export function isBackendKind(value: unknown): value is BackendKind {
  return typeof value === "string" && (BACKEND_KINDS as readonly string[]).includes(value);
}

/** Settings keys that hold credentials: never stored in `config`, never sent to the browser. */
export const SECRET_SETTING_KEYS = new Set(["apiKey", "authToken", "userToken"]);
