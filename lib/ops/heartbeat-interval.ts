/** How often a worker beats its heartbeat row. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * A worker whose last beat is older than this (three missed beats) counts as dead: the web app
 * shows it so, and the work it had in hand is handed to another worker.
 */
export const WORKER_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;
