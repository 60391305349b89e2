import pLimit, { type LimitFunction } from "p-limit";
import { setTimeout as sleepFor } from "node:timers/promises";
import { BackendError, isRetryable } from "@/lib/backends/errors";
import { fullJitterDelay } from "@/lib/backends/http/backoff";
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from "@/lib/backends/http/circuit-breaker";

interface RetryOptions {
  /** Retries after the first attempt. */
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this ends the retries instead of waiting it out. */
  maxRetryAfterMs: number;
}

export interface ResilienceOptions {
  name: string;
  maxConcurrency: number;
  retry: RetryOptions;
  breaker: CircuitBreakerOptions;
}

/** Injected clocks and randomness, for tests. */
export interface ResilienceDeps {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CallResult<T> {
  value: T;
  attempts: number;
}

/**
 * Runs remote calls under one backend's policy: at most `maxConcurrency` attempts in flight (a
 * slot is held per attempt, not during back-off), a circuit breaker around each attempt, and
 * retries with full-jitter exponential back-off (or the server's Retry-After) on retryable errors.
 */
export class ResilientCaller {
  private readonly limit: LimitFunction;
  private readonly breaker: CircuitBreaker;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly options: ResilienceOptions,
    deps: ResilienceDeps = {},
  ) {
    this.limit = pLimit(options.maxConcurrency);
    this.breaker = new CircuitBreaker(options.name, options.breaker, deps.now);
    this.sleep = deps.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.random = deps.random ?? Math.random;
  }

  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  get inFlight(): number {
    return this.limit.activeCount;
  }

  async call<T>(attempt: (attemptNumber: number) => Promise<T>, signal?: AbortSignal): Promise<CallResult<T>> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        const value = await this.limit(() => this.breaker.execute(() => attempt(attemptNumber)));
        return { value, attempts: attemptNumber };
      } catch (error) {
        const delay = this.delayBeforeRetry(error, attemptNumber);
        if (delay === undefined) {
          if (error instanceof BackendError) error.attempts = attemptNumber;
          throw error;
        }
        signal?.throwIfAborted();
        await this.sleep(delay, signal);
      }
    }
  }

  /** Undefined when the error must be reported now. */
  private delayBeforeRetry(error: unknown, attemptNumber: number): number | undefined {
    if (!isRetryable(error) || attemptNumber > this.options.retry.max) return undefined;
    const retryAfterMs = retryAfterOf(error);
    if (retryAfterMs !== undefined) {
      return retryAfterMs <= this.options.retry.maxRetryAfterMs ? retryAfterMs : undefined;
    }
    return fullJitterDelay(attemptNumber, this.options.retry, this.random);
  }
}

function retryAfterOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "retryAfterMs" in error) {
    return typeof error.retryAfterMs === "number" ? error.retryAfterMs : undefined;
  }
  return undefined;
}
