import { appUrl } from "@/lib/config/app-url";
import { log } from "@/lib/log";
import { beginDeliveryAttempt, pendingDelivery, recordDeliveryOutcome } from "./notification-repository";
import { webhookBody } from "./payload";

/** How long one attempt waits for the endpoint (NOTIFY_WEBHOOK_TIMEOUT_MS, default 10 s). */
function timeoutMs(): number {
  const value = Number(process.env.NOTIFY_WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

export type DeliveryResult = { status: "DELIVERED" | "SKIPPED"; attempt: number };

/**
 * Posts a run's end to its webhook once. The outcome of every attempt is recorded on the
 * notification; a failed attempt throws (the queue tries again after a back-off) until the
 * `maxAttempts`-th, which records the delivery as failed for good.
 */
export async function deliverWebhook(notificationId: number, maxAttempts: number): Promise<DeliveryResult> {
  const notification = await pendingDelivery(notificationId);
  if (!notification) return { status: "SKIPPED", attempt: 0 };
  const attempt = await beginDeliveryAttempt(notificationId);
  let httpStatus: number | null = null;
  let error: string;
  try {
    const response = await fetch(notification.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "video-star-studio" },
      body: JSON.stringify(webhookBody(notification, appUrl())),
      // A redirect could lead anywhere (credentials included): the URL given is the only one posted to.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs()),
    });
    httpStatus = response.status;
    if (response.ok) {
      await response.body?.cancel();
      await recordDeliveryOutcome(notificationId, { status: "DELIVERED", httpStatus, error: null });
      return { status: "DELIVERED", attempt };
    }
    const said = (await response.text().catch(() => "")).trim().slice(0, 200);
    error = `the endpoint answered HTTP ${response.status}${said ? `: ${said}` : ""}`;
  } catch (failure) {
    error =
      failure instanceof Error && failure.name === "TimeoutError"
        ? `the endpoint did not answer within ${timeoutMs()} ms`
        : `the endpoint could not be reached: ${causeOf(failure)}`;
  }
  const final = attempt >= maxAttempts;
  await recordDeliveryOutcome(notificationId, { status: final ? "FAILED" : "RETRYING", httpStatus, error });
  log.warn("A webhook delivery failed", { component: "notifications", notificationId, attempt, final, error });
  throw new Error(`webhook delivery of notification ${notificationId}, attempt ${attempt} of ${maxAttempts}: ${error}`);
}

function causeOf(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  const cause = failure.cause instanceof Error ? failure.cause.message : null;
  return cause ? `${failure.message} (${cause})` : failure.message;
}
