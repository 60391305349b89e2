import type { z } from "zod";
import { cycleQueues } from "./cycle-queues";
import { datasetQueues } from "./dataset-queues";
import { notificationQueues } from "./notification-queues";
import { systemQueues } from "./system-queues";

/** Every job kind of the product, by area; each area keeps its own definitions. */
export const queues = { ...systemQueues, ...datasetQueues, ...cycleQueues, ...notificationQueues } as const;

export type QueueKey = keyof typeof queues;
export type PayloadOf<Key extends QueueKey> = z.infer<(typeof queues)[Key]["payload"]>;
