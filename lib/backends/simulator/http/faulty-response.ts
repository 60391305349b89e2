/** Applies the planned fault (latency, error, malformed body, or a held response) to a request. */
import type { ServerResponse } from "node:http";
import type { FaultDecision } from "../faults";
import { sendJson, sendText, sendVllmError, waitUnlessClosed } from "./http-io";

const errorTypes = {
  429: ["TooManyRequestsError", "simulated fault: too many requests, the server is at capacity"],
  500: ["InternalServerError", "simulated fault: the engine raised an unexpected error"],
  503: ["ServiceUnavailableError", "simulated fault: the engine is temporarily unavailable"],
} as const;

export interface MalformedBodies {
  /** A truncated JSON text. */
  invalidJson: string;
  /** Valid JSON missing the field a client needs (`choices` or `data`). */
  missingField: unknown;
}

/**
 * Runs the fault part of a request. Returns true when the caller should answer normally,
 * false when the fault has answered (or is holding the request, or the client left).
 */
export async function applyFault(
  res: ServerResponse,
  decision: FaultDecision,
  holdMs: number,
  malformed: () => MalformedBodies,
): Promise<boolean> {
  const { fault } = decision;
  if (fault.kind === "timeout") {
    holdUntilClientLeaves(res, holdMs);
    return false;
  }
  const stillThere = await waitUnlessClosed(res, decision.delayMs);
  if (!stillThere) return false;
  switch (fault.kind) {
    case "none":
      return true;
    case "error": {
      const [type, message] = errorTypes[fault.status];
      sendVllmError(res, fault.status, type, message, fault.status === 429 ? { "retry-after": "0" } : {});
      return false;
    }
    case "malformed": {
      const bodies = malformed();
      if (fault.variant === "invalid-json") sendText(res, 200, bodies.invalidJson, { "content-type": "application/json" });
      else sendJson(res, 200, bodies.missingField);
      return false;
    }
  }
}

/** Never answer; drop the connection after `holdMs`, or forget it as soon as the client aborts. */
function holdUntilClientLeaves(res: ServerResponse, holdMs: number): void {
  const timer = setTimeout(() => res.destroy(), holdMs);
  res.once("close", () => clearTimeout(timer));
}
