/**
 * `npm run sim -- [--port 8000] [--seed 42] [--error-rate 0] ...`: the GPU-backend simulator
 * (vLLM OpenAI-compatible API + Ray Jobs API) for running the product without a GPU.
 */
import { cliUsage, optionsFromCli, startSimulator } from "@/lib/backends/simulator";

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = optionsFromCli(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`sim: ${(error as Error).message}\n\n${cliUsage()}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(cliUsage());
    return;
  }
  const { options } = parsed;
  const sim = await startSimulator({ ...options, log: (line) => console.error(`[sim] ${line}`) });
  const { faults } = options;
  console.log(`Video-STaR GPU-backend SIMULATOR listening on ${sim.url}`);
  console.log(`  OpenAI-compatible (vLLM): ${sim.url}/v1   base model: ${options.baseModel}   embeddings: ${options.embeddingModel}`);
  console.log(`  Ray Jobs API:             ${sim.url}/api/jobs/   (training takes ${options.trainingDurationMs} ms)`);
  console.log(
    `  seed ${options.seed}; faults: error ${faults.errorRate}, timeout ${faults.timeoutRate}, malformed ${faults.malformedRate}, latency ${faults.latencyMs}±${faults.latencyJitterMs} ms`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[sim] ${signal} received, shutting down`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[sim] error while closing: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`sim: ${(error as Error).message}`);
  process.exit(1);
});
