import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { postJson } from "./test-kit";

let sim: RunningSimulator;
beforeAll(async () => {
  // Long enough that polling sees the RUNNING phase even on a loaded machine.
  sim = await startSimulator({ seed: 5, trainingDurationMs: 2_000 });
});
afterAll(async () => {
  await sim.close();
});

async function waitForTerminal(url: string, id: string): Promise<{ status: string; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 100; i++) {
    const job = (await (await fetch(`${url}/api/jobs/${id}`)).json()) as { status: string };
    if (seen[seen.length - 1] !== job.status) seen.push(job.status);
    if (!["PENDING", "RUNNING"].includes(job.status)) return { status: job.status, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

const submit = (url: string, id: string, cycle: string, outputDir: string) =>
  postJson(`${url}/api/jobs/`, {
    entrypoint: "llamafactory-cli train /data/cycle.yaml",
    submission_id: id,
    runtime_env: { env_vars: { FORCE_TORCHRUN: "1" } },
    metadata: { vstar_cycle_index: cycle, vstar_output_dir: outputDir },
    entrypoint_num_gpus: 1,
  });

describe("Ray Jobs API", () => {
  it("runs a training job to SUCCEEDED, after which its adapter loads and is listed", async () => {
    const res = await submit(sim.url, "vstar-cycle-1", "1", "/data/adapters/cycle-1");
    expect(await res.json()).toEqual({ job_id: "vstar-cycle-1", submission_id: "vstar-cycle-1" });

    const early = await postJson(`${sim.url}/v1/load_lora_adapter`, { lora_name: "vstar-c1", lora_path: "/data/adapters/cycle-1" });
    expect(early.status).toBe(400);

    const { status, seen } = await waitForTerminal(sim.url, "vstar-cycle-1");
    expect(status).toBe("SUCCEEDED");
    expect(seen).toContain("RUNNING");
    const logs = ((await (await fetch(`${sim.url}/api/jobs/vstar-cycle-1/logs`)).json()) as { logs: string }).logs;
    expect(logs).toContain("***** Running training *****");
    expect(logs).toMatch(/'loss': \d\.\d{4}/);

    const load = await postJson(`${sim.url}/v1/load_lora_adapter`, { lora_name: "vstar-c1", lora_path: "/data/adapters/cycle-1/" });
    expect(load.status).toBe(200);
    expect(await load.text()).toBe("Success: LoRA adapter 'vstar-c1' added successfully.");
    const again = await postJson(`${sim.url}/v1/load_lora_adapter`, { lora_name: "vstar-c1", lora_path: "/data/adapters/cycle-1" });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { message: string }).message).toContain("already been loaded");

    const models = (await (await fetch(`${sim.url}/v1/models`)).json()) as {
      object: string;
      data: { id: string; root: string; parent: string | null }[];
    };
    expect(models.object).toBe("list");
    expect(models.data).toContainEqual(
      expect.objectContaining({ id: "vstar-c1", root: "/data/adapters/cycle-1/", parent: "Qwen2.5-VL-7B-Instruct" }),
    );

    const chat = await postJson(`${sim.url}/v1/chat/completions`, {
      model: "vstar-c1",
      messages: [{ role: "user", content: "What happens?" }],
      x_simulation: { videoId: "v", targets: [], mode: "answer", questionKind: "" },
    });
    expect(chat.status).toBe(200);
    expect(((await chat.json()) as { x_simulation: { choices: { strength: number }[] } }).x_simulation.choices[0]?.strength).toBe(1);

    const unload = await postJson(`${sim.url}/v1/unload_lora_adapter`, { lora_name: "vstar-c1" });
    expect(await unload.text()).toBe("Success: LoRA adapter 'vstar-c1' removed successfully.");
  });

  it("refuses a duplicate submission id with 400 and an error text", async () => {
    await submit(sim.url, "dup-job", "1", "/data/adapters/dup");
    const res = await submit(sim.url, "dup-job", "1", "/data/adapters/dup");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Job with submission_id dup-job already exists");
  });

  it("stops a job in flight and reports unknown jobs as 404", async () => {
    await submit(sim.url, "to-stop", "2", "/data/adapters/to-stop");
    expect(await (await postJson(`${sim.url}/api/jobs/to-stop/stop`, {})).json()).toEqual({ stopped: true });
    expect(((await (await fetch(`${sim.url}/api/jobs/to-stop`)).json()) as { status: string }).status).toBe("STOPPED");
    expect(await (await postJson(`${sim.url}/api/jobs/to-stop/stop`, {})).json()).toEqual({ stopped: false });
    const missing = await fetch(`${sim.url}/api/jobs/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Job nope does not exist");
  });

  it("rejects a submission without an entrypoint", async () => {
    const res = await postJson(`${sim.url}/api/jobs/`, { submission_id: "x" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("entrypoint");
  });
});

describe("adapter files", () => {
  it("lets a restarted simulator load an adapter trained by an earlier one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vstar-sim-"));
    try {
      const first = await startSimulator({ trainingDurationMs: 50, adapterFiles: true });
      await submit(first.url, "persisted", "3", join(dir, "cycle-3"));
      expect((await waitForTerminal(first.url, "persisted")).status).toBe("SUCCEEDED");
      await first.close();
      const written = JSON.parse(await readFile(join(dir, "cycle-3", "adapter_config.json"), "utf8")) as {
        vstar_simulator: { strength: number };
      };
      expect(written.vstar_simulator.strength).toBe(3);

      const second = await startSimulator({ adapterFiles: true });
      const load = await postJson(`${second.url}/v1/load_lora_adapter`, { lora_name: "c3", lora_path: join(dir, "cycle-3") });
      await second.close();
      expect(load.status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
