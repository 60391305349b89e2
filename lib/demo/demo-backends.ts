/**
 * Demo backends: the simulator as inference and training backend, and the base checkpoint.
 * Idempotent: runs on every demo start. (Filled in by the cycle engine work, issue 6.)
 */
export async function seedDemoBackends(): Promise<void> {}
