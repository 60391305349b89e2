import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticItems } from "@/lib/verifier/synthetic/answers";
import { pythonTokenizerSpec } from "./python-spec";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

export interface Comparison {
  readonly count: number;
  readonly cliSeconds: number;
  readonly pythonSeconds: number;
  readonly mismatches: number;
  readonly firstMismatch?: string;
  readonly passed: number;
  readonly dropped: number;
}

/**
 * Writes `count` synthetic `class` answers as JSON lines, then times (process start included) the
 * verify CLI with the reference-code preset and the released rule in Python on the same file, and
 * compares their verdicts line by line.
 */
export async function compareWithPython(count: number, seed: number): Promise<Comparison> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-verifier-"));
  try {
    const input = path.join(dir, "class.jsonl");
    await writeInput(input, count, seed);
    const spec = path.join(dir, "spec.json");
    await writeFile(spec, pythonTokenizerSpec());
    const python = await timed(PYTHON, [path.join(here, "word_matching.py"), spec, input], path.join(dir, "python.out"));
    // The CLI as `npm run verify` runs it, less npm's launcher process. Its first use makes its bundle: not timed.
    const launcher = path.join(root, "lib/verifier/cli/launch.mjs");
    await timed(process.execPath, [launcher, "--help"], path.join(dir, "help.out"));
    const cli = await timed(process.execPath, [launcher, "--input", input, "--preset", "reference-code"], path.join(dir, "cli.out"));
    return compareOutputs(await readFile(cli.output, "utf8"), await readFile(python.output, "utf8"), {
      count,
      cliSeconds: cli.seconds,
      pythonSeconds: python.seconds,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeInput(file: string, count: number, seed: number): Promise<void> {
  const next = syntheticItems("class", seed);
  const out = createWriteStream(file, { encoding: "utf8" });
  for (let id = 0; id < count; id++) {
    const { target, answer } = next();
    if (!out.write(`${JSON.stringify({ id, labelType: "class", label: target.label, answer })}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function timed(command: string, args: string[], output: string): Promise<{ seconds: number; output: string }> {
  const out = createWriteStream(output);
  await once(out, "open");
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["ignore", out, "pipe"], cwd: root });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  out.end();
  if (code !== 0) throw new Error(`${path.basename(command)} ${args[0]} exited with ${code}: ${stderr.slice(-2000)}`);
  return { seconds, output };
}

function compareOutputs(
  cliText: string,
  pythonText: string,
  times: { count: number; cliSeconds: number; pythonSeconds: number },
): Comparison {
  const python = new Map<string, string>();
  for (const line of pythonText.split("\n")) {
    if (line === "") continue;
    const [id, verdict] = line.split("\t");
    python.set(id as string, verdict as string);
  }
  let mismatches = 0;
  let firstMismatch: string | undefined;
  let passed = 0;
  let dropped = 0;
  let seen = 0;
  for (const line of cliText.split("\n")) {
    if (line === "") continue;
    seen++;
    const verdict = JSON.parse(line) as { id: number; passed: boolean; method: string };
    const ours = verdict.passed ? "passed" : verdict.method.endsWith(":dropped") ? "dropped" : "failed";
    if (ours === "passed") passed++;
    if (ours === "dropped") dropped++;
    const theirs = python.get(String(verdict.id));
    if (theirs !== ours) {
      mismatches++;
      firstMismatch ??= `id ${verdict.id}: CLI ${ours}, Python ${theirs ?? "missing"}`;
    }
  }
  mismatches += Math.abs(python.size - seen);
  return { ...times, mismatches, passed, dropped, ...(firstMismatch === undefined ? {} : { firstMismatch }) };
}
