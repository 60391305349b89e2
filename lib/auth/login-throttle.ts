import { pool } from "@/lib/db/pool";

/**
 * Password guessing, slowed per account *and* client address: each (account, address) pair gets a
 * few free failures, then must wait between attempts, twice as long after each further failure, up
 * to a cap. Nobody can lock an account for its owner: failures from one address never slow
 * another. (better-auth's per-address limit, SIGN_IN_RATE_LIMIT, bounds an address across accounts.)
 *
 * An attempt is counted before the password is checked, in one statement, so concurrent guesses
 * cannot all slip under the limit; a successful sign-in forgets the pair's failures.
 */
export const FREE_FAILURES = 5;
/** The wait after the first failure past the free ones; each further failure doubles it. */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 15 * 60_000;
/** A pair that has been quiet this long starts afresh. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number };

function keyFor(email: string, address: string | null): string {
  return `sign-in:${email.trim().toLowerCase()}|${address ?? "unknown"}`;
}

/** How long a pair that has failed `failures` times must wait before its next attempt. */
export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(failures - FREE_FAILURES, 30));
}

/**
 * Counts a sign-in attempt for this account from this address if one is allowed now (and says how
 * long to wait if not). The row keeps the failures so far and when the last counted attempt was.
 */
export async function beginSignInAttempt(email: string, address: string | null, now = Date.now()): Promise<SignInAttempt> {
  const key = keyFor(email, address);
  // The free failures, then the back-off (FIRST · 2^(count − FREE), capped), computed in SQL so that
  // the check and the count are one atomic upsert: a denied attempt changes nothing.
  const { rows } = await pool().query<{ count: number }>(
    `INSERT INTO "RateLimit" (id, key, count, "lastRequest") VALUES ($1, $1, 1, $2)
     ON CONFLICT (key) DO UPDATE
       SET count = CASE WHEN $2 - "RateLimit"."lastRequest" >= $6 THEN 1 ELSE "RateLimit".count + 1 END,
           "lastRequest" = $2
       WHERE $2 - "RateLimit"."lastRequest" >= $6
          OR "RateLimit".count < $3
          OR $2 - "RateLimit"."lastRequest" >= LEAST($5::bigint, $4::bigint * power(2, LEAST("RateLimit".count - $3, 30))::bigint)
     RETURNING count`,
    [key, now, FREE_FAILURES, FIRST_BACKOFF_MS, MAX_BACKOFF_MS, FORGET_AFTER_MS],
  );
  if (rows.length > 0) return { allowed: true };
  const { rows: current } = await pool().query<{ count: number; lastRequest: string }>(
    `SELECT count, "lastRequest" FROM "RateLimit" WHERE key = $1`,
    [key],
  );
  const row = current[0];
  // Forgotten between the two statements (a success elsewhere): try again.
  if (!row) return beginSignInAttempt(email, address, now);
  return { allowed: false, retryAfterMs: Math.max(1000, Number(row.lastRequest) + backoffMs(row.count) - now) };
}

/** A successful sign-in: this pair's failures are forgotten. */
export async function endSignInAttemptWithSuccess(email: string, address: string | null): Promise<void> {
  await pool().query(`DELETE FROM "RateLimit" WHERE key = $1`, [keyFor(email, address)]);
}
