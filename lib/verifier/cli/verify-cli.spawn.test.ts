import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");

/** `npm run verify` less npm: the launcher, with its bundle in `cache`. */
function runCli(args: string[], cache: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["lib/verifier/cli/launch.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, VERIFY_CLI_CACHE: cache },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("npm run verify (lib/verifier/cli/launch.mjs, spawned)", () => {
  it("verifies every good line in order, reports the bad one, and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-spawn-"));
    const file = join(dir, "answers.jsonl");
    const input = [
      { id: "k1", labelType: "class", label: "eating apple pie", answer: "He is eating an apple pie 🥧." },
      { id: "k2", labelType: "bbox", label: { box: [0.1, 0.2, 0.5] }, answer: "[0.1, 0.2, 0.5, 0.6]" },
      { id: "k3", labelType: "interval", label: { start: 2, end: 5 }, answer: "It happens from 2.1s to 5s." },
    ].map((line) => JSON.stringify(line));
    await writeFile(file, `${input[0]}\n${input[1]}\n${input[2]}\n`);
    const { code, stdout, stderr } = await runCli(["--input", file, "--preset", "paper"], join(dir, "cache"));
    expect(code).toBe(1);
    const out = lines(stdout);
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

  it("runs from a bundle it makes on first use and again when a source has changed, worker threads included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-bundle-"));
    const cache = join(dir, "cache");
    const file = join(dir, "answers.jsonl");
    const answer = (id: number) =>
      JSON.stringify({
        id,
        labelType: "class",
        label: id % 2 === 0 ? "apple pie" : "tai chi",
        answer: `Answer ${id}: an apple pie, then tai chi.`,
      });
    await writeFile(file, `${Array.from({ length: 3000 }, (_, id) => answer(id)).join("\n")}\n`);
    const args = ["-i", file, "-p", "reference-code"];

    const single = await runCli([...args, "--threads", "1"], cache);
    expect(single.stderr).toMatch(/^verify: 3000 lines, 0 errors/);
    expect(lines(single.stdout)[1]).toMatchObject({ id: 1, passed: true, method: "class:released-word-matching" });
    const bundle = join(cache, "verify.mjs");
    const made = statSync(bundle).mtimeMs;

    const parallel = await runCli([...args, "--threads", "3"], cache);
    expect(parallel.stdout).toBe(single.stdout);
    expect(statSync(bundle).mtimeMs).toBe(made);

    // A source whose size or time differs from the manifest's makes the bundle anew.
    const manifestFile = join(cache, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { inputs: Record<string, string> };
    manifest.inputs["lib/verifier/released/ascii-word-matching.ts"] = "0:0";
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const again = await runCli([...args, "--threads", "2"], cache);
    expect(again.stdout).toBe(single.stdout);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(made);
  }, 120_000);
});
