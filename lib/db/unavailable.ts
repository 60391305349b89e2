/**
 * Whether an error says the database could not be reached or went away mid-statement (a restart,
 * a crash, too many connections), as `pg`, pg-pool or Prisma's pg adapter report it: the work may
 * succeed when tried again, and is no fault of the data.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    if (saysUnavailable(current as Record<string, unknown>)) return true;
    const record = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}

/** PostgreSQL error codes: connection exceptions (class 08), shutdowns and restarts (57P0x), too many connections. */
const SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** Node socket errors of a server that is gone or not listening. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
/** Prisma's codes: cannot reach the server, the server closed the connection, no connection from the pool in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Prisma driver adapter error kinds of the same meaning. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** `pg` and pg-pool say these without a code. */
const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client was closed and is not queryable/i;

function saysUnavailable(error: Record<string, unknown>): boolean {
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code !== undefined && (SQLSTATES.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return true;
  if (error.kind === "postgres" && typeof error.code === "string" && SQLSTATES.test(error.code)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((inner) => typeof inner === "object" && inner !== null && saysUnavailable(inner))
  )
    return true;
  return typeof error.message === "string" && MESSAGES.test(error.message);
}
