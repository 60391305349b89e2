import { BackendError, CircuitOpenError, HttpStatusError } from "@/lib/backends/errors";

export interface CircuitBreakerOptions {
  /** Consecutive server faults that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  cooldownMs: number;
}

export type CircuitState = "closed" | "open" | "half-open";

/**
 * Closed → (N consecutive server faults) → open → (cool-down) → half-open: exactly one probe call
 * goes through, everyone else fails fast; the probe's success closes the circuit, its fault opens it
 * again. Client errors (4xx) prove the server alive and count as success; 429 counts as neither.
 *
 * (opossum was considered: it opens on a failure percentage over a rolling window and owns its own
 * timeouts, which does not match "N consecutive failures, one probe".)
 */
export class CircuitBreaker {
  private currentState: CircuitState = "closed";
  private consecutiveFaults = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(
    private readonly name: string,
    private readonly options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    return this.currentState;
  }

  async execute<T>(call: () => Promise<T>): Promise<T> {
    const isProbe = this.admit();
    try {
      const value = await call();
      this.recordSuccess();
      return value;
    } catch (error) {
      this.recordError(error, isProbe);
      throw error;
    } finally {
      if (isProbe) this.probeInFlight = false;
    }
  }

  /** Throws CircuitOpenError when the call may not go; returns whether it is the half-open probe. */
  private admit(): boolean {
    if (this.currentState === "closed") return false;
    const remaining = this.openedAt + this.options.cooldownMs - this.now();
    if (this.currentState === "open") {
      if (remaining > 0) throw new CircuitOpenError(this.name, remaining);
      this.currentState = "half-open";
    }
    if (this.probeInFlight) throw new CircuitOpenError(this.name, 0);
    this.probeInFlight = true;
    return true;
  }

  private recordSuccess(): void {
    this.consecutiveFaults = 0;
    this.currentState = "closed";
  }

  private recordError(error: unknown, isProbe: boolean): void {
    const verdict = healthVerdict(error);
    if (verdict === "alive") return this.recordSuccess();
    if (verdict === "neutral") return;
    this.consecutiveFaults += 1;
    if (isProbe || this.consecutiveFaults >= this.options.failureThreshold) this.open();
  }

  private open(): void {
    this.currentState = "open";
    this.openedAt = this.now();
  }
}

/**
 * What an error says about the server: a fault (5xx, network, timeout, malformed reply); alive (it
 * answered a client error); or nothing (rate limiting, our own refusal, a caller's abort).
 */
function healthVerdict(error: unknown): "fault" | "alive" | "neutral" {
  if (!(error instanceof BackendError)) return "neutral";
  if (error.breakerFault) return "fault";
  if (error instanceof CircuitOpenError) return "neutral";
  if (error instanceof HttpStatusError && error.status === 429) return "neutral";
  return "alive";
}
