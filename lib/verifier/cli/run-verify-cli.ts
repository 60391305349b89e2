import { once } from "node:events";
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { type VerifyInput, verifyInParallel, verifyInProcess } from "@/lib/verifier/cli/parallel-verify";
import { idleCoreThreads } from "@/lib/verifier/cli/thread-count";
import { verifyJsonLines } from "@/lib/verifier/cli/verify-lines";
import { configHash, PRESET_NAMES, resolveVerifierConfig, type PresetName, type VerifierConfig } from "@/lib/verifier/config";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import { createHttpEmbedder } from "@/lib/verifier/embeddings/http-embedder";
import { VERIFIER_VERSION } from "@/lib/verifier/version";

const VERIFY_USAGE = `Usage: npm run --silent verify -- --input FILE.jsonl [options]

Reads lines {"id", "labelType", "label", "answer", "kind"?} ("-" reads stdin; "kind" is the
question's kind, which picks the released rule under --preset reference-code) and writes one
verdict per line to stdout: {"id", "passed", "score", "threshold", "method", "matches": [...]}.
Bad lines get {"id"?, "line", "error"}; the rest are still verified, and the exit status is then 1.

Options:
  -i, --input FILE            JSON lines file, or - for stdin (required)
  -p, --preset NAME           ${PRESET_NAMES.join(" | ")} (default paper)
      --overrides JSON        settings over the preset, e.g. '{"keyword":{"threshold":0.9}}'
      --embeddings-url URL    OpenAI-compatible server for sentence embeddings (POST URL/v1/embeddings)
      --embeddings-model NAME embedding model name (required with --embeddings-url)
      --embeddings-timeout-ms N  per request (default 30000)
      --threads N             threads without embeddings, this one included (default: one per
                              idle core for files of 4 MB or more, else 1)
  -h, --help                  this text`;

export interface CliStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export interface VerifyCliOptions {
  readonly input: string;
  readonly config: VerifierConfig;
  readonly embedder?: Embedder;
  readonly threads: number;
}

/** Exit statuses: 0 all lines verified, 1 some lines were bad, 2 usage or input error. */
export async function runVerifyCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  let options: VerifyCliOptions | "help";
  try {
    options = parseVerifyCliArgs(argv);
  } catch (error) {
    streams.stderr.write(`verify: ${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    streams.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  try {
    const { lines, errors } = await writeVerdicts(streams.stdin, streams.stdout, options);
    const provenance = `verifier ${VERIFIER_VERSION}, preset ${options.config.preset}, config ${configHash(options.config)}`;
    streams.stderr.write(`verify: ${lines} lines, ${errors} errors (${provenance})\n`);
    return errors > 0 ? 1 : 0;
  } catch (error) {
    streams.stderr.write(`verify: cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** Parses the command line with node:util parseArgs; throws with a message naming the problem. */
export function parseVerifyCliArgs(argv: readonly string[]): VerifyCliOptions | "help" {
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      input: { type: "string", short: "i" },
      preset: { type: "string", short: "p", default: "paper" },
      overrides: { type: "string" },
      "embeddings-url": { type: "string" },
      "embeddings-model": { type: "string" },
      "embeddings-timeout-ms": { type: "string" },
      threads: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.input === undefined || values.input === "") throw new Error("--input FILE (or - for stdin) is required");
  if (!(PRESET_NAMES as readonly string[]).includes(values.preset)) {
    throw new Error(`--preset must be one of ${PRESET_NAMES.join(", ")}, not ${JSON.stringify(values.preset)}`);
  }
  const config = resolveVerifierConfig(values.preset as PresetName, parseOverrides(values.overrides));
  const url = values["embeddings-url"];
  const model = values["embeddings-model"];
  if ((url === undefined) !== (model === undefined)) {
    throw new Error("--embeddings-url and --embeddings-model go together");
  }
  const timeoutMs = values["embeddings-timeout-ms"] === undefined ? undefined : Number(values["embeddings-timeout-ms"]);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new Error("--embeddings-timeout-ms must be a positive integer");
  }
  const embedder =
    url !== undefined && model !== undefined
      ? createHttpEmbedder({ baseUrl: url, model, ...(timeoutMs === undefined ? {} : { timeoutMs }) })
      : undefined;
  const threads = values.threads === undefined ? defaultThreads(values.input) : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 256)) throw new Error("--threads must be an integer from 1 to 256");
  return { input: values.input, config, threads, ...(embedder === undefined ? {} : { embedder }) };
}

/** Starting a worker costs tens of milliseconds; worth it from a few megabytes of input. */
const PARALLEL_FROM_BYTES = 4 * 2 ** 20;

function defaultThreads(input: string): number {
  if (input === "-") return 1;
  try {
    return statSync(input).size >= PARALLEL_FROM_BYTES ? idleCoreThreads() : 1;
  } catch {
    return 1;
  }
}

function parseOverrides(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--overrides is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function writeVerdicts(stdin: Readable, output: Writable, options: VerifyCliOptions): Promise<{ lines: number; errors: number }> {
  if (options.embedder === undefined) {
    // Without embeddings a file is read in byte ranges, by worker threads too.
    const input: VerifyInput = options.input === "-" ? stdin : { file: options.input, size: statSync(options.input).size };
    const config = options.config;
    return options.threads > 1
      ? verifyInParallel(input, output, { config, threads: options.threads })
      : verifyInProcess(input, output, config);
  }
  const input = options.input === "-" ? stdin : createReadStream(options.input, { encoding: "utf8" });
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lines = 0;
  let errors = 0;
  const verdicts = verifyJsonLines(reader, { config: options.config, embedder: options.embedder });
  for await (const line of verdicts) {
    lines++;
    if (line.isError) errors++;
    if (!output.write(`${line.json}\n`)) await once(output, "drain");
  }
  return { lines, errors };
}
