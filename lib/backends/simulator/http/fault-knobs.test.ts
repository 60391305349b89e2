import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { chatBody, postJson } from "./test-kit";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 3 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await postJson(`${sim.url}/_sim/config`, { errorRate: 0, timeoutRate: 0, malformedRate: 0, latencyMs: 0, latencyJitterMs: 0 });
});

const configure = async (patch: Record<string, number>) => {
  const res = await postJson(`${sim.url}/_sim/config`, patch);
  expect(res.status).toBe(200);
  return res.json();
};

describe("fault knobs", () => {
  it("fails about errorRate of requests with 500, 503 or 429 (Retry-After: 0)", async () => {
    await configure({ errorRate: 0.3 });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody({ videoId: `e-${i}` }));
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("0");
      if (res.status !== 200) expect(((await res.json()) as { object: string }).object).toBe("error");
      else await res.arrayBuffer();
    }
    const failed = statuses.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThanOrEqual(40);
    expect(failed).toBeLessThanOrEqual(80);
    expect(new Set(statuses.filter((s) => s !== 200))).toEqual(new Set([429, 500, 503]));
  });

  it("repeats the same fault sequence after the same configuration", async () => {
    const run = async () => {
      await configure({ errorRate: 0.5, seed: 99 });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody());
        out.push(res.status);
        await res.arrayBuffer();
      }
      return out;
    };
    expect(await run()).toEqual(await run());
    await configure({ seed: 3 });
  });

  it("answers malformed replies with invalid JSON or without choices", async () => {
    await configure({ malformedRate: 1 });
    const kinds = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody());
      expect(res.status).toBe(200);
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        kinds.add("invalid-json");
        continue;
      }
      expect(parsed).not.toHaveProperty("choices");
      kinds.add("missing-choices");
    }
    expect(kinds).toEqual(new Set(["invalid-json", "missing-choices"]));
  });

  it("adds the configured latency", async () => {
    await configure({ latencyMs: 120 });
    const started = performance.now();
    await (await postJson(`${sim.url}/v1/chat/completions`, chatBody())).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("holds a timeout request unanswered until the client aborts, then frees the socket", async () => {
    // A fresh simulator, so no pooled keep-alive connection muddies the count.
    const held = await startSimulator({ faults: { errorRate: 0, timeoutRate: 1, malformedRate: 0, latencyMs: 0, latencyJitterMs: 0 } });
    try {
      const url = new URL(`${held.url}/v1/chat/completions`);
      let answered = false;
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent: false,
          headers: { "content-type": "application/json" },
        },
        () => {
          answered = true;
        },
      );
      const closed = new Promise<void>((resolve) => req.on("close", () => resolve()));
      req.on("error", () => {});
      req.end(JSON.stringify(chatBody()));
      await new Promise((r) => setTimeout(r, 400));
      expect(answered).toBe(false);
      expect(await held.openConnections()).toBe(1);
      req.destroy();
      await closed;
      for (let i = 0; i < 50 && (await held.openConnections()) > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await held.openConnections()).toBe(0);
      expect(answered).toBe(false);
    } finally {
      await held.close();
    }
  });

  it("closes promptly while a request is being held", async () => {
    const held = await startSimulator({ faults: { errorRate: 0, timeoutRate: 1, malformedRate: 0, latencyMs: 0, latencyJitterMs: 0 } });
    const pending = postJson(`${held.url}/v1/chat/completions`, chatBody()).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await held.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("rejects an invalid configuration", async () => {
    expect((await postJson(`${sim.url}/_sim/config`, { errorRate: 2 })).status).toBe(400);
    expect((await postJson(`${sim.url}/_sim/config`, { errorRate: 0.7, timeoutRate: 0.7 })).status).toBe(400);
    expect((await postJson(`${sim.url}/_sim/config`, { bogus: 1 })).status).toBe(400);
  });
});
