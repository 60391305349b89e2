import { spawn, type ChildProcess } from "node:child_process";

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a child whose output is prefixed with its name, so one terminal shows every process. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedChild {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines(child.stdout, name, process.stdout);
  prefixLines(child.stderr, name, process.stderr);
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

function prefixLines(stream: NodeJS.ReadableStream | null, name: string, out: NodeJS.WriteStream): void {
  if (!stream) return;
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on("end", () => pending && out.write(`[${name}] ${pending}\n`));
}
