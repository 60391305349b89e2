/** Starts the simulator's HTTP server. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { route } from "./http/router";
import { parseSimulatorOptions, type SimulatorOptionsInput } from "./options";
import { SimulatorState } from "./simulator-state";

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:8000 (serves /v1/*, /api/jobs/*, /health). */
  url: string;
  port: number;
  state: SimulatorState;
  /** Open client connections (lets tests check that aborted requests leave nothing behind). */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

export interface StartOptions extends SimulatorOptionsInput {
  /** Clock for training jobs and timestamps (tests may inject one). */
  now?: () => number;
  log?: (line: string) => void;
}

export async function startSimulator(input: StartOptions = {}): Promise<RunningSimulator> {
  const { now, log, ...rest } = input;
  const options = parseSimulatorOptions(rest);
  const write = log ?? (() => {});
  const state = new SimulatorState(options, now ?? Date.now, write);

  const server = createServer((req, res) => {
    const started = Date.now();
    if (options.logRequests)
      res.once("close", () =>
        write(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms${res.writableFinished ? "" : " (aborted)"}`),
      );
    void route(state, req, res);
  });
  // Completed jobs register their adapters even if nobody polls them.
  const settleTimer = setInterval(() => state.jobs.settle(), 250);
  settleTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearInterval(settleTimer);
      server.close(() => resolve());
      // Held ("timeout") and keep-alive connections would keep close() waiting forever.
      server.closeAllConnections();
    }).then(() => state.flush());
    return closing;
  };

  const openConnections = () =>
    new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

  return { url: `http://${host}:${port}`, port, state, openConnections, close };
}
