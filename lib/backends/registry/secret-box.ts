import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { ensureAuthSecret } from "@/lib/auth/secret";

/**
 * Backend credentials at rest: AES-256-GCM with a key derived (HKDF-SHA256) from the app's
 * BETTER_AUTH_SECRET. Sealed form: `v1.<iv>.<tag>.<ciphertext>` in base64url. The associated data
 * binds a ciphertext to its purpose, so a sealed value cannot be replayed as something else.
 */
const VERSION = "v1";
const ASSOCIATED_DATA = Buffer.from("vstar/backend-credential/v1");
const IV_BYTES = 12;

export class UnreadableSecretError extends Error {
  constructor(reason: string) {
    super(
      `The stored credential cannot be decrypted (${reason}); BETTER_AUTH_SECRET may have changed since it was saved — enter the credential again.`,
    );
    this.name = "UnreadableSecretError";
  }
}

function deriveKey(keyMaterial: string): Buffer {
  if (keyMaterial.length < 16) throw new Error("The key material for backend credentials must be at least 16 characters");
  return Buffer.from(hkdfSync("sha256", keyMaterial, "vstar-backend-credentials", "aes-256-gcm key", 32));
}

export function sealSecret(plaintext: string, keyMaterial: string = ensureAuthSecret()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(keyMaterial), iv);
  cipher.setAAD(ASSOCIATED_DATA);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string, keyMaterial: string = ensureAuthSecret()): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new UnreadableSecretError("unknown format");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(keyMaterial), Buffer.from(iv, "base64url"));
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecretError("authentication failed");
  }
}
