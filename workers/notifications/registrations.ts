import { queues, type PayloadOf } from "@/lib/jobs/queues";
import { deliverWebhook } from "@/lib/notifications/deliver";
import { register, type Registration } from "../registration";

/** notify-webhook: one attempt per job run; pg-boss retries a failed one (its queue's retry limit). */
async function handleWebhook(payload: PayloadOf<"notifyWebhook">) {
  return deliverWebhook(payload.notificationId, queues.notifyWebhook.retryLimit + 1);
}

export const notificationRegistrations: Registration[] = [register("notifyWebhook", handleWebhook, 2)];
