import { invalidField } from "@/lib/errors/domain-error";
import { KIND_TRAITS } from "./backend-kinds";
import type { BackendInput } from "./backend-input";
import { sealSecret } from "./secret-box";

export interface BackendRecord {
  name: string;
  role: BackendInput["role"];
  protocol: BackendInput["kind"];
  baseUrl: string;
  config: Record<string, unknown>;
  secretCiphertext: string | null;
  isSimulator: boolean;
}

/** The row to store for a validated input; `existingCiphertext` is kept when a stored credential is not re-entered. */
export function backendRecord(input: BackendInput, existingCiphertext: string | null = null, keyMaterial?: string): BackendRecord {
  const config: Record<string, unknown> = { ...input.settings };
  let secretCiphertext: string | null = null;
  const credential = input.credential;
  if (credential.source === "env") config.secretEnv = credential.envVar;
  if (credential.source === "stored") {
    if (credential.value !== undefined) secretCiphertext = sealSecret(credential.value, keyMaterial);
    else if (existingCiphertext) secretCiphertext = existingCiphertext;
    // A problem with the field that only the stored state reveals: there is no credential to keep.
    else throw invalidField("credential.value", "Enter the credential to store");
  }
  return {
    name: input.name,
    role: input.role,
    protocol: input.kind,
    baseUrl: input.baseUrl.trim().replace(/\/+$/, ""),
    config,
    secretCiphertext,
    isSimulator: KIND_TRAITS[input.kind].simulated,
  };
}
