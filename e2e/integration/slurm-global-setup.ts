import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { dataDir } from "@/lib/config/paths";
import { slurmCli, type SlurmCluster } from "./slurm-cluster";

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, "slurm-cluster.sh");

/**
 * Starts the one-node Slurm cluster (installing Debian's packages when missing) and prepares the
 * folders its jobs share with the tests; stops the daemons afterwards.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      "npm run test:integration installs Debian's Slurm packages, writes /etc/slurm and starts Slurm's daemons: run it as root (e.g. sudo npm run test:integration)",
    );
  }
  const port = process.env.SLURM_REST_PORT ?? "6820";
  const userName = process.env.SLURM_JOB_USER ?? "vstar-it";
  const env = { ...process.env, SLURM_REST_PORT: port, SLURM_JOB_USER: userName };
  execFileSync("bash", [script, "start"], { env, stdio: "inherit" });

  // Jobs run as `userName`: they read the exports and write adapters and logs here.
  const data = dataDir();
  const root = path.dirname(data);
  rmSync(path.join(data, "adapters"), { recursive: true, force: true });
  rmSync(path.join(data, "media"), { recursive: true, force: true });
  for (const dir of [root, data, path.join(data, "adapters"), path.join(root, "jobs"), path.join(root, "bin")]) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, dir === root || dir.endsWith("bin") ? 0o755 : 0o1777);
  }
  const llamafactoryCli = path.join(root, "bin", "llamafactory-cli");
  copyFileSync(path.join(here, "llamafactory-cli-standin.sh"), llamafactoryCli);
  chmodSync(llamafactoryCli, 0o755);

  const token = slurmCli("scontrol", ["token", `username=${userName}`, "lifespan=7200"]).replace(/^SLURM_JWT=/, "");
  const cluster: SlurmCluster = { url: `http://127.0.0.1:${port}`, userName, token, jobsDir: path.join(root, "jobs"), llamafactoryCli };
  project.provide("slurm", cluster);
  return () => {
    execFileSync("bash", [script, "stop"], { env, stdio: "inherit" });
  };
}
