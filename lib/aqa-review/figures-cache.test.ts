import { describe, expect, it } from "vitest";
import { FingerprintCache } from "./figures-cache";

describe("FingerprintCache", () => {
  it("computes once per fingerprint and again when it changes", async () => {
    const cache = new FingerprintCache<number>();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get("c1", "a", compute)).toBe(1);
    expect(await cache.get("c1", "a", compute)).toBe(1);
    expect(await cache.get("c1", "b", compute)).toBe(2);
    expect(runs).toBe(2);
  });

  it("shares one computation between concurrent callers and forgets a failed one", async () => {
    const cache = new FingerprintCache<string>();
    let runs = 0;
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve(`run ${++runs}`), 5));
    expect(await Promise.all([cache.get("k", "f", slow), cache.get("k", "f", slow)])).toEqual(["run 1", "run 1"]);
    const failing = cache.get("x", "f", async () => {
      throw new Error("database gone");
    });
    await expect(failing).rejects.toThrow("database gone");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get("x", "f", async () => "recovered")).toBe("recovered");
  });

  it("evicts the least recently used entry beyond its size", async () => {
    const cache = new FingerprintCache<string>(2);
    let runs = 0;
    const compute = (name: string) => async () => `${name}${++runs}`;
    await cache.get("a", "f", compute("a"));
    await cache.get("b", "f", compute("b"));
    await cache.get("a", "f", compute("a")); // a is now the most recent
    await cache.get("c", "f", compute("c")); // evicts b
    expect(await cache.get("a", "f", compute("a"))).toBe("a1");
    expect(await cache.get("b", "f", compute("b"))).toBe("b4");
  });
});
