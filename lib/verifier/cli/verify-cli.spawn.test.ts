import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(repoRoot, "node_modules/.bin/tsx"), ["lib/cli/verify.ts", ...args], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("lib/cli/verify.ts (spawned)", () => {
  it("verifies every good line in order, reports the bad one, and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-spawn-"));
    const file = join(dir, "answers.jsonl");
    const lines = [
      { id: "k1", labelType: "class", label: "eating apple pie", answer: "He is eating an apple pie 🥧." },
      { id: "k2", labelType: "bbox", label: { box: [0.1, 0.2, 0.5] }, answer: "[0.1, 0.2, 0.5, 0.6]" },
      { id: "k3", labelType: "interval", label: { start: 2, end: 5 }, answer: "It happens from 2.1s to 5s." },
    ].map((line) => JSON.stringify(line));
    await writeFile(file, `${lines[0]}\n${lines[1]}\n${lines[2]}\n`);

    const { code, stdout, stderr } = await runCli(["--input", file, "--preset", "paper"]);

    expect(code).toBe(1);
    const out = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: "k1", passed: true, method: "class:keyword-fuzz-ratio" });
    expect(out[0]?.matches).toEqual([
      { part: "eating", start: 6, end: 12, text: "eating", similarity: 1 },
      { part: "apple", start: 16, end: 21, text: "apple", similarity: 1 },
      { part: "pie", start: 22, end: 25, text: "pie", similarity: 1 },
    ]);
    expect(out[1]).toEqual({ id: "k2", line: 2, error: expect.stringMatching(/^line 2 \(id "k2"\): field label\.box: /) });
    expect(out[2]).toMatchObject({ id: "k3", passed: true, method: "interval:regex-temporal-iou" });
    expect(stderr).toMatch(/3 lines, 1 errors/);
  }, 60_000);
});
