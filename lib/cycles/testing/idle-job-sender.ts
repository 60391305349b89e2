import type { JobSender } from "../engine/job-sender";

/**
 * A JobSender that sends nothing, for tests that drive the engine by hand; a test that checks what
 * was sent overrides that method. One place to follow when JobSender gains a method.
 */
export function idleJobSender(overrides: Partial<JobSender> = {}): JobSender {
  return {
    sendBatches: async () => {},
    sendTick: async () => {},
    sendExport: async () => {},
    sendWebhook: async () => {},
    ...overrides,
  };
}
