/**
 * Injected failures for the inference endpoints. Each faultable request takes the next number
 * in a sequence; its fate is drawn from (seed, number), so a run is reproducible.
 */
import { z } from "zod";
import { rngFrom } from "@/lib/random/seeded-random";

const rate = z.number().min(0).max(1);

export const faultConfigSchema = z.object({
  errorRate: rate.default(0),
  timeoutRate: rate.default(0),
  malformedRate: rate.default(0),
  latencyMs: z.number().min(0).default(0),
  latencyJitterMs: z.number().min(0).default(0),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;

type Fault =
  | { kind: "none" }
  | { kind: "timeout" }
  | { kind: "error"; status: 429 | 500 | 503 }
  | { kind: "malformed"; variant: "invalid-json" | "missing-field" };

export interface FaultDecision {
  fault: Fault;
  delayMs: number;
  sequence: number;
}

export class FaultPlanner {
  private sequence = 0;

  constructor(
    private config: FaultConfig,
    private seed: number,
  ) {
    FaultPlanner.checkRates(config);
  }

  /** Replace the configuration (and seed); the request sequence starts over. */
  reset(config: FaultConfig, seed: number): void {
    FaultPlanner.checkRates(config);
    this.config = config;
    this.seed = seed;
    this.sequence = 0;
  }

  current(): FaultConfig {
    return { ...this.config };
  }

  next(): FaultDecision {
    const sequence = this.sequence++;
    // Nothing to inject (the usual case): skip the draws, which could only come out as "none, no delay".
    if (this.faultless()) return { fault: { kind: "none" }, delayMs: 0, sequence };
    const rng = rngFrom(this.seed, "fault", sequence);
    const { timeoutRate, errorRate, malformedRate, latencyMs, latencyJitterMs } = this.config;
    const u = rng.next();
    const delayMs = Math.round(latencyMs + rng.next() * latencyJitterMs);
    let fault: Fault = { kind: "none" };
    if (u < timeoutRate) fault = { kind: "timeout" };
    else if (u < timeoutRate + errorRate) fault = { kind: "error", status: rng.pick([500, 503, 429] as const) };
    else if (u < timeoutRate + errorRate + malformedRate)
      fault = { kind: "malformed", variant: rng.chance(0.5) ? "invalid-json" : "missing-field" };
    return { fault, delayMs, sequence };
  }

  private faultless(): boolean {
    const { timeoutRate, errorRate, malformedRate, latencyMs, latencyJitterMs } = this.config;
    return timeoutRate === 0 && errorRate === 0 && malformedRate === 0 && latencyMs === 0 && latencyJitterMs === 0;
  }

  private static checkRates(config: FaultConfig): void {
    const total = config.errorRate + config.timeoutRate + config.malformedRate;
    if (total > 1) {
      throw new Error(`fault rates add up to ${total.toFixed(3)}: errorRate + timeoutRate + malformedRate must be at most 1`);
    }
  }
}
