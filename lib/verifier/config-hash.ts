import { shortHash } from "@/lib/verifier/canonical-json";
import type { VerifierConfig } from "@/lib/verifier/config";

const hashes = new WeakMap<VerifierConfig, string>();

/** Short, stable hash (sha256 of canonical JSON, 12 hex) identifying a resolved configuration. */
export function configHash(config: VerifierConfig): string {
  let hash = hashes.get(config);
  if (hash === undefined) {
    hash = shortHash(config);
    hashes.set(config, hash);
  }
  return hash;
}
