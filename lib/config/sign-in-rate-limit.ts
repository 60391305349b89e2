/**
 * Sign-in attempts allowed per client address per minute (SIGN_IN_RATE_LIMIT, default 10). Raise
 * it when many people sign in through one address (a shared proxy, a browser test suite); failed
 * attempts per account are limited separately, whatever the address.
 */
export const DEFAULT_SIGN_IN_RATE_LIMIT = 10;

export function signInRateLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.SIGN_IN_RATE_LIMIT;
  if (raw === undefined || raw.trim() === "") return DEFAULT_SIGN_IN_RATE_LIMIT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`SIGN_IN_RATE_LIMIT must be a whole number of attempts per minute (at least 1), not "${raw}"`);
  }
  return value;
}
