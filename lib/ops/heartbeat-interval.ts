/** How often a worker beats its heartbeat row. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * A worker whose last beat is older than this (three missed beats) counts as dead: the web app
 * shows it so, and the work it had in hand is handed to another worker.
 */
export const WORKER_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;

/**
 * After the database server started (again), every beat in it is old until the living workers beat
 * again, which they do within two beats: no worker is judged dead by its beats before then.
 */
export const SERVER_START_GRACE_MS = 2 * HEARTBEAT_INTERVAL_MS;
