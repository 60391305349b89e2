import { spawn, type ChildProcess } from "node:child_process";
import { type ChildOutput, type OutputStream, relayLine } from "./child-output";

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a child whose output is relayed line by line with its name (see relayLine), so one terminal or log shows every process. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, output: ChildOutput): ManagedChild {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  relayLines(child.stdout, name, "stdout", output);
  relayLines(child.stderr, name, "stderr", output);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL for whatever has not exited within `graceMs`. */
export async function stopChildren(children: ManagedChild[], graceMs: number): Promise<void> {
  const running = children.filter((child) => child.process.exitCode === null && child.process.signalCode === null);
  for (const child of running) child.process.kill("SIGTERM");
  await Promise.all(
    running.map(async (child) => {
      const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
      await child.exited;
      clearTimeout(timer);
    }),
  );
}

function relayLines(stream: NodeJS.ReadableStream | null, name: string, source: OutputStream, output: ChildOutput): void {
  if (!stream) return;
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) relayLine(line, name, source, output);
  });
  stream.on("end", () => pending && relayLine(pending, name, source, output));
}
