/** Simulator-only routes: health, and the runtime fault/seed configuration used by tests. */
import type { ServerResponse } from "node:http";
import { runtimeConfigSchema, type SimulatorState } from "../simulator-state";
import { describeZodError, sendJson } from "./http-io";

export function health(state: SimulatorState, res: ServerResponse): void {
  sendJson(res, 200, { ok: true, simulator: true, seed: state.seed, baseModel: state.registry.baseModel });
}

export function getConfig(state: SimulatorState, res: ServerResponse): void {
  sendJson(res, 200, state.config());
}

export function setConfig(state: SimulatorState, res: ServerResponse, body: unknown): void {
  const parsed = runtimeConfigSchema.safeParse(body);
  if (!parsed.success) return sendJson(res, 400, { error: `invalid simulator config: ${describeZodError(parsed.error)}` });
  try {
    sendJson(res, 200, state.configure(parsed.data));
  } catch (error) {
    sendJson(res, 400, { error: `invalid simulator config: ${(error as Error).message}` });
  }
}
