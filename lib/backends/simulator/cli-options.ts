/** Turns `npm run sim` flags and SIM_* environment variables into simulator options. */
import { parseArgs } from "node:util";
import { parseSimulatorOptions, type SimulatorOptions } from "./options";

interface Flag {
  env: string;
  kind: "number" | "string" | "boolean";
  help: string;
}

const flags = {
  port: { env: "SIM_PORT", kind: "number", help: "port to listen on (default 8000; 0 = any free port)" },
  host: { env: "SIM_HOST", kind: "string", help: "interface to bind (default 127.0.0.1)" },
  seed: { env: "SIM_SEED", kind: "number", help: "seed for answers, faults and ids (default 42)" },
  model: { env: "SIM_MODEL", kind: "string", help: "served base model name (default Qwen2.5-VL-7B-Instruct)" },
  "embedding-model": { env: "SIM_EMBEDDING_MODEL", kind: "string", help: "served embedding model name" },
  "qa-model": { env: "SIM_QA_MODEL", kind: "string", help: "served question-answering model name (POST /models/<name>)" },
  "error-rate": { env: "SIM_ERROR_RATE", kind: "number", help: "share of inference requests answered 500/503/429" },
  "latency-ms": { env: "SIM_LATENCY_MS", kind: "number", help: "added latency per inference request" },
  "latency-jitter-ms": { env: "SIM_LATENCY_JITTER_MS", kind: "number", help: "extra random latency, up to this much" },
  "timeout-rate": { env: "SIM_TIMEOUT_RATE", kind: "number", help: "share of inference requests never answered" },
  "malformed-rate": { env: "SIM_MALFORMED_RATE", kind: "number", help: "share answered 200 with a broken body" },
  "training-ms": { env: "SIM_TRAINING_MS", kind: "number", help: "duration of a simulated training job (default 1500)" },
  "training-failure-rate": { env: "SIM_TRAINING_FAILURE_RATE", kind: "number", help: "share of training jobs that fail" },
  "adapter-files": { env: "SIM_ADAPTER_FILES", kind: "boolean", help: "write/read a marked adapter_config.json in job output dirs" },
  "log-requests": { env: "SIM_LOG_REQUESTS", kind: "boolean", help: "print one line per request" },
} as const satisfies Record<string, Flag>;

type FlagName = keyof typeof flags;

const CLI_DEFAULT_PORT = 8000;

export function cliUsage(): string {
  const lines = Object.entries(flags).map(([name, f]) => `  --${name.padEnd(22)} ${f.help} [env ${f.env}]`);
  return ["Usage: npm run sim -- [options]", "", ...lines, `  --${"help".padEnd(22)} show this help`].join("\n");
}

export type CliResult = { help: true } | { help: false; options: SimulatorOptions };

export function optionsFromCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliResult {
  const { values: parsedValues } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(
        Object.entries(flags).map(([name, f]) => [name, { type: f.kind === "boolean" ? "boolean" : "string" }] as const),
      ),
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  // Options are built from the table above, so parseArgs cannot type them by name.
  const values = parsedValues as Record<string, string | boolean | undefined>;
  if (values.help === true) return { help: true };

  const read = (name: FlagName): string | boolean | undefined => {
    const value = values[name];
    return value !== undefined ? value : env[flags[name].env];
  };
  const number = (name: FlagName): number | undefined => {
    const raw = read(name);
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`--${name} (or ${flags[name].env}) must be a number, got ${JSON.stringify(raw)}`);
    return value;
  };
  const text = (name: FlagName): string | undefined => {
    const raw = read(name);
    return typeof raw === "string" && raw !== "" ? raw : undefined;
  };
  const flag = (name: FlagName): boolean | undefined => {
    const raw = read(name);
    if (raw === undefined || typeof raw === "boolean") return raw;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off|)$/i.test(raw)) return false;
    throw new Error(`${flags[name].env} must be true or false, got ${JSON.stringify(raw)}`);
  };

  const defined = <T extends object>(o: T): Partial<T> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

  return {
    help: false,
    options: parseSimulatorOptions(
      defined({
        port: number("port") ?? CLI_DEFAULT_PORT,
        host: text("host"),
        seed: number("seed"),
        baseModel: text("model"),
        embeddingModel: text("embedding-model"),
        questionAnsweringModel: text("qa-model"),
        trainingDurationMs: number("training-ms"),
        trainingFailureRate: number("training-failure-rate"),
        adapterFiles: flag("adapter-files"),
        logRequests: flag("log-requests"),
        faults: {
          errorRate: number("error-rate") ?? 0,
          latencyMs: number("latency-ms") ?? 0,
          latencyJitterMs: number("latency-jitter-ms") ?? 0,
          timeoutRate: number("timeout-rate") ?? 0,
          malformedRate: number("malformed-rate") ?? 0,
        },
      }),
    ),
  };
}
