import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "@/lib/log";
import { type ChildOutput, type OutputStream, relayLine } from "./child-output";

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a child whose output is relayed line by line with its name (see relayLine), so one terminal or log shows every process. */
function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, output: ChildOutput): ManagedChild {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  relayLines(child.stdout, name, "stdout", output);
  relayLines(child.stderr, name, "stderr", output);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL for whatever has not exited within `graceMs`. */
async function stopChildren(children: ManagedChild[], graceMs: number): Promise<void> {
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

/** Waits before the n-th restart in a row: 1 s, doubling up to 30 s. */
export function restartDelayMs(restartsInARow: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, restartsInARow - 1));
}

/** A child that ran this long before it ended was fine: its next restart waits the shortest delay again. */
export const STABLE_RUN_MS = 60_000;

/**
 * Keeps something running (a child process, the database server): whenever it ends on its own it
 * is started again after a growing back-off (restartDelayMs), and each end and restart is logged.
 * stop() ends the watching; stopping what runs is the caller's.
 */
/** How long an end waits before it is judged a crash (restartDelayMs never goes below it). */
const STOP_SIGNAL_GRACE_MS = 250;

export class Supervisor {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  /**
   * `ended` settles when what runs now ends (with how it ended, for the log); `restart` starts it
   * again and gives the same for the new run (it may throw: that run counts as ended at once).
   */
  watch(ended: Promise<string>, restart: () => Promise<{ ended: Promise<string> }>): void {
    void this.loop(ended, restart);
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Waits `ms`, or less when stop() is called meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async loop(first: Promise<string>, restart: () => Promise<{ ended: Promise<string> }>): Promise<void> {
    let ended = first;
    let startedAt = Date.now();
    let restartsInARow = 0;
    for (;;) {
      const how = await ended.catch((error: unknown) => `failed (${error instanceof Error ? error.message : String(error)})`);
      if (this.stopped) return;
      restartsInARow = Date.now() - startedAt >= STABLE_RUN_MS ? 1 : restartsInARow + 1;
      const delay = restartDelayMs(restartsInARow);
      // A Ctrl-C reaches the children of the terminal's process group together with the launcher,
      // and a child may end before the launcher's own handler has run: not a crash, so no restart.
      await this.sleep(STOP_SIGNAL_GRACE_MS);
      if (this.stopped) return;
      this.logger.error(`${this.name} ${how}; starting it again in ${Math.round(delay / 1000)} s`, { process: this.name, restartsInARow });
      await this.sleep(delay - STOP_SIGNAL_GRACE_MS);
      if (this.stopped) return;
      startedAt = Date.now();
      try {
        ended = (await restart()).ended;
        this.logger.info(`${this.name} started again`, { process: this.name });
      } catch (error) {
        ended = Promise.resolve(`could not start again (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
}

/** A child process the launcher keeps running (see Supervisor) once asked to. */
export class SupervisedChild {
  current: ManagedChild;
  private readonly supervisor: Supervisor;

  constructor(
    private readonly spec: { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv },
    private readonly output: ChildOutput,
    logger: Logger,
  ) {
    this.current = this.start();
    this.supervisor = new Supervisor(spec.name, logger);
  }

  /** From now on, start it again whenever it ends. */
  supervise(): void {
    this.supervisor.watch(endOf(this.current), async () => {
      this.current = this.start();
      return { ended: endOf(this.current) };
    });
  }

  /** Stops watching it, then stops it (SIGTERM, SIGKILL after `graceMs`). */
  async stop(graceMs: number): Promise<void> {
    this.supervisor.stop();
    await stopChildren([this.current], graceMs);
  }

  private start(): ManagedChild {
    return startChild(this.spec.name, this.spec.command, this.spec.args, this.spec.env, this.output);
  }
}

function endOf(child: ManagedChild): Promise<string> {
  return child.exited.then(() => describeExit(child.process));
}

/** How a child process ended, for the log. */
function describeExit(child: ChildProcess): string {
  if (child.signalCode) return `was killed (${child.signalCode})`;
  return `exited with code ${child.exitCode ?? "?"}`;
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
