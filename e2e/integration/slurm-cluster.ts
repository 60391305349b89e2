import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/** What the global setup hands the test files about the cluster it started. */
export interface SlurmCluster {
  /** slurmrestd, on a loopback port. */
  url: string;
  /** The unprivileged user jobs run as, and its JWT (`scontrol token`). */
  userName: string;
  token: string;
  /** Where jobs write their logs; shared with this process (same machine, same paths). */
  jobsDir: string;
  /** The stand-in for llamafactory-cli, where the job user can run it. */
  llamafactoryCli: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    slurm: SlurmCluster;
  }
}

/** A Slurm command line tool's output (run as root, like the setup). */
export function slurmCli(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8" }).trim();
}

/** Fills the node with a job of root's so that the next one waits; returns its cancel. */
export async function occupyNode(): Promise<() => void> {
  const jobId = slurmCli("sbatch", [
    "--parsable",
    "--exclusive",
    "--job-name=vstar-it-blocker",
    "--chdir=/tmp",
    "--output=/dev/null",
    "--wrap=sleep 300",
  ]);
  for (let i = 0; i < 100; i++) {
    if (slurmCli("squeue", ["-h", "-j", jobId, "-o", "%T"]) === "RUNNING") return () => slurmCli("scancel", [jobId]);
    await sleep(100);
  }
  slurmCli("scancel", [jobId]);
  throw new Error(`the blocker job ${jobId} never ran: ${slurmCli("squeue", ["-j", jobId])}`);
}
