import {
  CircuitOpenError,
  FrameSamplingError,
  HttpStatusError,
  LoraConflictError,
  MalformedReplyError,
  NetworkError,
  RequestTimeoutError,
} from "@/lib/backends";

export interface Failure {
  reason: string;
  message: string;
  /** No retry can fix it (a 4xx, a conflicting adapter, invalid targets): give the item up now. */
  permanent: boolean;
}

/** The reason of an item refused by an open circuit breaker: no request was made, so no attempt is used. */
export const CIRCUIT_OPEN = "circuit-open";

/** Why one item failed, in a short reason for grouping and a message for people. */
export function classifyFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CircuitOpenError) return { reason: CIRCUIT_OPEN, message, permanent: false };
  if (error instanceof RequestTimeoutError) return { reason: "timeout", message, permanent: false };
  if (error instanceof MalformedReplyError) return { reason: "malformed-reply", message, permanent: false };
  if (error instanceof NetworkError) return { reason: "network", message, permanent: false };
  if (error instanceof HttpStatusError) return { reason: `http-${error.status}`, message, permanent: !error.retryable };
  if (error instanceof LoraConflictError) return { reason: "lora-conflict", message, permanent: true };
  if (error instanceof FrameSamplingError) return { reason: "frame-sampling", message, permanent: true };
  return { reason: "error", message, permanent: false };
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === "AbortError");
}
