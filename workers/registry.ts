import { cycleRegistrations } from "./cycles/registrations";
import { datasetRegistrations } from "./datasets/registrations";
import { notificationRegistrations } from "./notifications/registrations";
import type { Registration } from "./registration";
import { systemRegistrations } from "./system/registrations";

export type { Registration } from "./registration";

/** One handler per job kind, by area; each is thin over lib/. */
export const registrations: Registration[] = [
  ...systemRegistrations,
  ...datasetRegistrations,
  ...cycleRegistrations,
  ...notificationRegistrations,
];
