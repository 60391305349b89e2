import { open } from "node:fs/promises";

/** Reads a job's log from the cluster's shared filesystem; "" while the file does not exist yet. */
export type LogReader = (path: string) => Promise<string>;

/** The last `maxBytes` of a local (or network-mounted) file. */
export function fileTailReader(maxBytes = 1024 * 1024): LogReader {
  return async (path) => {
    let handle;
    try {
      handle = await open(path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, maxBytes);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      return buffer.toString("utf8");
    } finally {
      await handle.close();
    }
  };
}

/** Expands the sbatch filename patterns a job record may still carry (%j, %A, %x, %u, %%). */
export function expandSlurmFilename(pattern: string, job: { jobId: number; name?: string; userName?: string }): string {
  return pattern.replace(/%(%|j|A|x|u)/g, (whole, code: string) => {
    switch (code) {
      case "%":
        return "%";
      case "j":
      case "A":
        return String(job.jobId);
      case "x":
        return job.name ?? whole;
      case "u":
        return job.userName ?? whole;
      default:
        return whole;
    }
  });
}
