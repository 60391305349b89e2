/** Who makes an audited change: a signed-in person and the address they came from, or the system (no person). */
export interface Actor {
  userId: string | null;
  ip?: string | null;
}

/** Changes made by the system itself (first-run seed, command line, benchmarks): recorded without a person. */
export const SYSTEM_ACTOR: Actor = { userId: null };
