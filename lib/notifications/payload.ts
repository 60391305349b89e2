/** How a run ended, as told to its launcher (the Prisma enum RunEndEvent). */
export type RunEndEvent = "DONE" | "NEEDS_ATTENTION" | "FAILED" | "CANCELLED";

/** The facts of a run's end a notification is written from. */
export interface RunEnd {
  runId: number;
  runName: string;
  event: RunEndEvent;
  /** The cycle the run ended in: its 1-based index in the run. */
  cycleIndex: number;
  /** Items given up in that cycle (a run that needs attention). */
  givenUpItems: number;
  /** Why the cycle failed, when it did. */
  error: string | null;
  /** The run's backends are the simulator: nothing it produced comes from a real model. */
  simulated: boolean;
}

const cycleWord = (n: number) => (n === 1 ? "1 cycle" : `${n} cycles`);

/** The human sentence of a run's end, without its link (the app shows the link beside it). */
export function runEndSentence(end: RunEnd): string {
  const run = `Run “${end.runName}”${end.simulated ? " (simulated)" : ""}`;
  switch (end.event) {
    case "DONE":
      return `${run} is done after ${cycleWord(end.cycleIndex)}.`;
    case "NEEDS_ATTENTION":
      return `${run} finished after ${cycleWord(end.cycleIndex)} but needs attention: ${end.givenUpItems === 1 ? "1 item was" : `${end.givenUpItems} items were`} given up.`;
    case "FAILED": {
      const reason = end.error ? `: ${end.error.length > 200 ? `${end.error.slice(0, 199)}…` : end.error}` : ".";
      return `${run} failed in cycle ${end.cycleIndex}${reason}`;
    }
    case "CANCELLED":
      return `${run} was cancelled in cycle ${end.cycleIndex}.`;
  }
}

/** The run's status once it ended this way (a run that needs attention is done). */
function runStatusOf(event: RunEndEvent): "DONE" | "FAILED" | "CANCELLED" {
  return event === "NEEDS_ATTENTION" ? "DONE" : event;
}

const EVENT_NAMES: Readonly<Record<RunEndEvent, string>> = {
  DONE: "run.done",
  NEEDS_ATTENTION: "run.needs_attention",
  FAILED: "run.failed",
  CANCELLED: "run.cancelled",
};

export interface WebhookNotification {
  id: number;
  runId: number;
  runName: string;
  cycleId: number;
  event: RunEndEvent;
  text: string;
  simulated: boolean;
  createdAt: Date;
}

/**
 * The JSON posted to a webhook. `text` is what a Slack incoming webhook shows (the sentence and the
 * link to the run's cycle page); the rest is for anything that reads JSON.
 */
export function webhookBody(notification: WebhookNotification, appUrl: string) {
  const url = `${appUrl}/cycles/${notification.cycleId}`;
  return {
    text: `${notification.text} ${url}`,
    event: EVENT_NAMES[notification.event],
    run: {
      id: notification.runId,
      name: notification.runName,
      status: runStatusOf(notification.event),
      cycleId: notification.cycleId,
      url,
      simulated: notification.simulated,
    },
    notificationId: notification.id,
    endedAt: notification.createdAt.toISOString(),
  };
}
