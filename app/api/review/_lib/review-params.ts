import { z } from "zod";

const positiveId = z.coerce.number().int().positive();
export const queueParams = z.object({ queueId: positiveId });
export const itemParams = z.object({ queueId: positiveId, itemId: positiveId });
export const runParams = z.object({ runId: positiveId });
