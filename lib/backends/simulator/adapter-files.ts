/**
 * Optional on-disk trace of a simulated training run: a PEFT-style `adapter_config.json` in the
 * job's output directory, marked as simulated. It lets a restarted simulator load adapters that
 * an earlier run "trained" (vLLM, likewise, loads adapters from their directory).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

const ADAPTER_CONFIG_FILE = "adapter_config.json";

const simulatedAdapterConfigSchema = z.object({
  vstar_simulator: z.object({ strength: z.number().int().min(1) }),
});

export async function writeSimulatedAdapter(dir: string, strength: number, baseModel: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const config = {
    peft_type: "LORA",
    task_type: "CAUSAL_LM",
    base_model_name_or_path: baseModel,
    r: 8,
    lora_alpha: 16,
    lora_dropout: 0,
    target_modules: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    vstar_simulator: { strength, note: "written by the Video-STaR Studio simulator; holds no weights" },
  };
  await writeFile(join(dir, ADAPTER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** The strength recorded by a simulated training run in `dir`, if there is one. */
export async function readSimulatedAdapterStrength(dir: string): Promise<number | undefined> {
  let raw: string;
  try {
    raw = await readFile(join(dir, ADAPTER_CONFIG_FILE), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = simulatedAdapterConfigSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.vstar_simulator.strength : undefined;
  } catch {
    return undefined;
  }
}
