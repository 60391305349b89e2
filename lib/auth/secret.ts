import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config/paths";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET, or one generated on first start and
 * kept under .data so sessions survive restarts.
 */
export function ensureAuthSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  }
  const secret = readFileSync(file, "utf8").trim();
  process.env.BETTER_AUTH_SECRET = secret;
  return secret;
}
