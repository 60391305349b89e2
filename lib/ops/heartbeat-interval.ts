/** How often a worker beats its heartbeat row; three missed beats count as dead. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
