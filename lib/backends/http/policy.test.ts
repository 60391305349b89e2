import { describe, expect, it } from "vitest";
import { CircuitOpenError, HttpStatusError, NetworkError } from "@/lib/backends/errors";
import { fullJitterDelay } from "@/lib/backends/http/backoff";
import { CircuitBreaker } from "@/lib/backends/http/circuit-breaker";
import { parseRetryAfter } from "@/lib/backends/http/retry-after";

describe("fullJitterDelay", () => {
  it("draws from [0, min(max, base · 2^(retry-1)))", () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((retry) => fullJitterDelay(retry, options, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(fullJitterDelay(3, options, () => 0)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
  });
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("CircuitBreaker (virtual clock)", () => {
  const fault = () => Promise.reject(new NetworkError("http://x", new Error("ECONNREFUSED")));
  const ok = () => Promise.resolve("ok");

  it("cycles closed → open → half-open → closed", async () => {
    let clock = 0;
    const breaker = new CircuitBreaker("b", { failureThreshold: 2, cooldownMs: 1_000 }, () => clock);
    await expect(breaker.execute(fault)).rejects.toBeInstanceOf(NetworkError);
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(fault)).rejects.toBeInstanceOf(NetworkError);
    expect(breaker.state).toBe("open");

    clock = 999;
    const refused = await breaker.execute(ok).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect((refused as CircuitOpenError).retryInMs).toBe(1);

    clock = 1_000;
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
  });

  it("leaves 429 neutral and lets a success reset the count", async () => {
    const breaker = new CircuitBreaker("b", { failureThreshold: 2, cooldownMs: 1_000 }, () => 0);
    const tooMany = () => Promise.reject(new HttpStatusError("http://x", 429, ""));
    await expect(breaker.execute(fault)).rejects.toThrow();
    await expect(breaker.execute(tooMany)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    await expect(breaker.execute(fault)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
  });
});
