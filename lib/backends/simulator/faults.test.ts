import { describe, expect, it } from "vitest";
import { faultConfigSchema, FaultPlanner } from "./faults";

const config = (patch: object) => faultConfigSchema.parse(patch);

describe("FaultPlanner", () => {
  it("draws the same fault sequence for the same seed, and starts over on reset", () => {
    const a = new FaultPlanner(config({ errorRate: 0.3, malformedRate: 0.1 }), 1);
    const b = new FaultPlanner(config({ errorRate: 0.3, malformedRate: 0.1 }), 1);
    const first = Array.from({ length: 50 }, () => a.next().fault);
    expect(first).toEqual(Array.from({ length: 50 }, () => b.next().fault));
    a.reset(config({ errorRate: 0.3, malformedRate: 0.1 }), 1);
    expect(Array.from({ length: 50 }, () => a.next().fault)).toEqual(first);
  });

  it("fails about the configured share, with 500, 503 and 429 all present", () => {
    const planner = new FaultPlanner(config({ errorRate: 0.3 }), 7);
    const faults = Array.from({ length: 2000 }, () => planner.next().fault);
    const errors = faults.filter((f) => f.kind === "error");
    expect(errors.length / faults.length).toBeGreaterThan(0.27);
    expect(errors.length / faults.length).toBeLessThan(0.33);
    expect(new Set(errors.map((f) => (f.kind === "error" ? f.status : 0)))).toEqual(new Set([429, 500, 503]));
  });

  it("adds latency within latency + jitter", () => {
    const planner = new FaultPlanner(config({ latencyMs: 100, latencyJitterMs: 50 }), 3);
    for (let i = 0; i < 100; i++) {
      const { delayMs, fault } = planner.next();
      expect(fault.kind).toBe("none");
      expect(delayMs).toBeGreaterThanOrEqual(100);
      expect(delayMs).toBeLessThanOrEqual(150);
    }
  });

  it("rejects rates that add up to more than 1", () => {
    expect(() => new FaultPlanner(config({ errorRate: 0.6, timeoutRate: 0.6 }), 1)).toThrow(/at most 1/);
  });
});

describe("FaultPlanner without faults", () => {
  it("answers every request normally and at once, still numbering them", () => {
    const planner = new FaultPlanner(config({}), 5);
    const decisions = Array.from({ length: 20 }, () => planner.next());
    expect(decisions.every((d) => d.fault.kind === "none" && d.delayMs === 0)).toBe(true);
    expect(decisions.map((d) => d.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
