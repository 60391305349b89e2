import { z } from "zod";
import { defineQueue } from "./define-queue";

/** Queues of lib/notifications. */
export const notificationQueues = {
  /**
   * Posts a run's end to a webhook. A failed attempt is retried with back-off (pg-boss doubles the
   * delay each time: about 5, 10, 20, 40 s), five attempts in all; each one's outcome is recorded.
   */
  notifyWebhook: defineQueue({
    name: "notify-webhook",
    payload: z.object({ notificationId: z.int().positive() }),
    retryLimit: 4,
    retryDelaySeconds: 5,
    expireInSeconds: 120,
  }),
};
