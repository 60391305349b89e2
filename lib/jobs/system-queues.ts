import { z } from "zod";
import { defineQueue } from "./define-queue";

export const systemQueues = {
  /** Proves a worker is alive end to end: the handler echoes the token back as the job's output. */
  ping: defineQueue({
    name: "system-ping",
    payload: z.object({ token: z.string().min(1).max(200) }),
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireInSeconds: 60,
  }),
};
