/**
 * Parser-verifier throughput: `npm run bench:verifier [-- --count 100000 --types class,float --preset paper]`.
 *
 * First the comparison with the released rule in Python: `count` synthetic `class` answers as JSON
 * lines, the verify CLI (`--preset reference-code`, process start included) against
 * lib/bench/verifier/word_matching.py (spaCy-style tokens + fuzzywuzzy with python-Levenshtein,
 * Debian's python3-fuzzywuzzy and python3-levenshtein under /usr/bin/python3, or BENCH_PYTHON),
 * with the speed-up and the number of differing verdicts. `--python false` skips it.
 *
 * Then, for `--types`, in-process throughput: deterministic synthetic answers of 150–300 words per
 * label type (seeded PRNG, Kinetics-like labels) verified with verifySync, verdicts/s per type (wall
 * clock and process CPU time; only verification is timed), mean answer length, peak RSS.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { LABEL_TYPES, PRESET_NAMES, resolveVerifierConfig, verifySync, type LabelType, type PresetName } from "@/lib/verifier/index";
import { syntheticItems, type SyntheticItem } from "@/lib/verifier/synthetic/answers";
import { compareWithPython } from "./verifier/compare-with-python";

const CHUNK = 5_000;

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    types: { type: "string", default: "" },
    python: { type: "string", default: "true" },
    preset: { type: "string", default: "paper" },
    seed: { type: "string", default: "20240705" },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const types = values.types
  .split(",")
  .map((type) => type.trim())
  .filter((type) => type !== "");
const unknown = types.filter((type) => !(LABEL_TYPES as readonly string[]).includes(type));
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed) || unknown.length > 0) {
  throw new Error(`bad arguments: --count ${values.count}, --seed ${values.seed}, unknown types ${unknown.join(", ")}`);
}
if (!(PRESET_NAMES as readonly string[]).includes(values.preset)) throw new Error(`unknown preset ${values.preset}`);
const config = resolveVerifierConfig(values.preset as PresetName);

let peakRss = process.memoryUsage.rss();
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

interface TypeResult {
  type: LabelType;
  perSecondWall: number;
  perSecondCpu: number;
  passRate: number;
  meanWords: number;
}

function benchType(type: LabelType): TypeResult {
  const next = syntheticItems(type, seed);
  // Warm up the JIT on a separate chunk so the timed chunks measure steady state.
  for (let i = 0; i < 2_000; i++) {
    const item = next();
    verifySync(item.target, item.answer, config);
  }
  let wallMs = 0;
  let cpuMicros = 0;
  let passed = 0;
  let words = 0;
  const chunk: SyntheticItem[] = new Array(CHUNK);
  for (let done = 0; done < count; done += CHUNK) {
    const size = Math.min(CHUNK, count - done);
    for (let i = 0; i < size; i++) chunk[i] = next();
    sampleRss();
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (let i = 0; i < size; i++) {
      const item = chunk[i] as SyntheticItem;
      if (verifySync(item.target, item.answer, config).passed) passed++;
    }
    wallMs += performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    cpuMicros += cpu.user + cpu.system;
    sampleRss();
    if (done === 0) for (let i = 0; i < size; i++) words += countWords((chunk[i] as SyntheticItem).answer);
  }
  return {
    type,
    perSecondWall: (count / wallMs) * 1000,
    perSecondCpu: (count / cpuMicros) * 1e6,
    passRate: passed / count,
    meanWords: words / Math.min(CHUNK, count),
  };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const WIDTHS = [10, 18, 17, 10, 13];

/** One table row: the first cell left-aligned, the rest right-aligned. */
function row(cells: readonly string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i] ?? 10) : cell.padStart(WIDTHS[i] ?? 10))).join(" ");
}

const rate = (perSecond: number) => Math.round(perSecond).toLocaleString("en");
const loads = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");

if (values.python !== "false") {
  console.log(`verify CLI vs the released rule in Python: ${count.toLocaleString("en")} class answers, seed ${seed}`);
  console.log(`load average before: ${loads()}`);
  const result = await compareWithPython(count, seed);
  console.log(`Python (spaCy-style tokens + fuzzywuzzy/python-Levenshtein): ${result.pythonSeconds.toFixed(2)} s`);
  console.log(`verify CLI --preset reference-code (process start included): ${result.cliSeconds.toFixed(2)} s`);
  console.log(`speed-up: ${(result.pythonSeconds / result.cliSeconds).toFixed(1)}x`);
  const verdicts = `${result.passed.toLocaleString("en")} passed, ${result.dropped.toLocaleString("en")} dropped`;
  console.log(
    `verdicts: ${verdicts}; differing from Python: ${result.mismatches}${result.firstMismatch ? ` (first: ${result.firstMismatch})` : ""}`,
  );
  console.log(`load average after: ${loads()}`);
  if (result.mismatches > 0) process.exitCode = 1;
}

if (types.length > 0) console.log(`\nin-process: ${count.toLocaleString("en")} answers per type, preset ${config.preset}, seed ${seed}`);
if (types.length > 0) {
  console.log(`load average before: ${loads()} (machine shared; the CPU-time rate is per core)`);
  console.log(row(["type", "verdicts/s (wall)", "verdicts/s (cpu)", "pass rate", "words/answer"]));
  for (const type of types as LabelType[]) {
    const result = benchType(type);
    const passRate = `${(result.passRate * 100).toFixed(1)}%`;
    console.log(row([type, rate(result.perSecondWall), rate(result.perSecondCpu), passRate, result.meanWords.toFixed(0)]));
  }
  console.log(`peak RSS: ${(peakRss / 2 ** 20).toFixed(1)} MiB (sampled between chunks of ${CHUNK.toLocaleString("en")})`);
  console.log(`load average after: ${loads()}`);
}
