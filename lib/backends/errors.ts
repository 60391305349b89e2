import { DomainError } from "@/lib/errors/domain-error";

/**
 * Typed failures of remote backends. `retryable` tells the retry loop whether another attempt can
 * help; `breakerFault` tells the circuit breaker whether the failure says the server is unhealthy.
 * To a caller that does not retry (an API request), any of them means the GPU backend it needs is
 * unavailable.
 */
export abstract class BackendError extends DomainError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("unavailable", message, options);
  }

  abstract readonly retryable: boolean;
  abstract readonly breakerFault: boolean;
  /** Attempts made before this error was reported (set by the retry loop). */
  attempts = 1;
}

export class HttpStatusError extends BackendError {
  readonly retryable: boolean;
  readonly breakerFault: boolean;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: string,
    /** From the Retry-After header, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status} from ${url}: ${snippet(body)}`);
    this.name = "HttpStatusError";
    this.retryable = status === 429 || status >= 500;
    this.breakerFault = status >= 500;
  }
}

export class NetworkError extends BackendError {
  readonly retryable = true;
  readonly breakerFault = true;

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`network error calling ${url}: ${describeCause(cause)}`, { cause });
    this.name = "NetworkError";
  }
}

export class RequestTimeoutError extends BackendError {
  readonly retryable = true;
  readonly breakerFault = true;

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply from ${url} within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}

/** The server answered 2xx, but not with what the protocol promises. */
export class MalformedReplyError extends BackendError {
  readonly retryable = true;
  readonly breakerFault = true;

  constructor(
    readonly url: string,
    readonly reason: string,
    readonly body: string,
  ) {
    super(`malformed reply from ${url}: ${reason}; body: ${snippet(body)}`);
    this.name = "MalformedReplyError";
  }
}

/** Refused without calling the server: the circuit is open (or half-open with its probe out). */
export class CircuitOpenError extends BackendError {
  readonly retryable = false;
  readonly breakerFault = false;

  constructor(
    readonly backend: string,
    /** How long until the breaker lets a probe through. */
    readonly retryInMs: number,
  ) {
    super(`circuit open for ${backend}: failing fast, next probe in ${Math.max(0, Math.round(retryInMs))} ms`);
    this.name = "CircuitOpenError";
  }
}

/** A LoRA name is already served, but from another path: a versioned name was reused. */
export class LoraConflictError extends BackendError {
  readonly retryable = false;
  readonly breakerFault = false;

  constructor(
    readonly loraName: string,
    readonly requestedPath: string,
    readonly servedPath: string,
  ) {
    super(
      `LoRA adapter '${loraName}' is already served from '${servedPath}', not '${requestedPath}': ` +
        "load each adapter under a new versioned name",
    );
    this.name = "LoraConflictError";
  }
}

/** A training cluster answered in a way the client cannot act on (unknown state, missing job id...). */
export class TrainingBackendError extends BackendError {
  readonly retryable = false;
  readonly breakerFault = false;

  constructor(message: string) {
    super(message);
    this.name = "TrainingBackendError";
  }
}

/**
 * The training cluster no longer knows a job it was given (Ray's head or slurmctld restarted and
 * forgot it, or its record was purged): the attempt is lost, and only a new submission can go on.
 */
export class TrainingJobLostError extends BackendError {
  readonly retryable = false;
  readonly breakerFault = false;

  constructor(
    readonly jobId: string,
    message: string,
  ) {
    super(message);
    this.name = "TrainingJobLostError";
  }
}

/** Local video frame extraction failed (ffmpeg missing, unreadable input...). */
export class FrameSamplingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FrameSamplingError";
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof BackendError && error.retryable;
}

function snippet(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || "(empty)";
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
