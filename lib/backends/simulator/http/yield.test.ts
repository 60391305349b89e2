import pLimit from "p-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { actionClasses } from "../vocabulary";
import { chatText, postJson } from "./test-kit";

const REQUESTS = 300;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    seed: 11,
    trainedAdapters: [1, 2, 3].map((strength) => ({ path: `/adapters/cycle-${strength}`, strength })),
  });
  for (const strength of [1, 2, 3]) {
    const res = await postJson(`${sim.url}/v1/load_lora_adapter`, {
      lora_name: `vstar-cycle-${strength}`,
      lora_path: `/adapters/cycle-${strength}`,
    });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await sim.close();
});

async function labelShare(model: string): Promise<number> {
  const limit = pLimit(8);
  const hits = await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      limit(async () => {
        const label = actionClasses[i % actionClasses.length] as string;
        const text = await chatText(sim.url, { model, videoId: `kinetics-${i}`, targets: [{ labelType: "class", label }] });
        return text.toLowerCase().includes(label);
      }),
    ),
  );
  return hits.filter(Boolean).length / REQUESTS;
}

describe("yield across cycles", () => {
  it("rises monotonically from the base model to the cycle-3 adapter", async () => {
    const shares: number[] = [];
    for (const model of ["Qwen2.5-VL-7B-Instruct", "vstar-cycle-1", "vstar-cycle-2", "vstar-cycle-3"]) shares.push(await labelShare(model));
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1] as number);
    expect(shares[0]).toBeGreaterThan(0.25);
    expect(shares[0]).toBeLessThan(0.45);
    expect(shares[3]).toBeGreaterThan(0.65);
    expect(shares[3]).toBeLessThan(0.85);
  }, 60_000);
});
