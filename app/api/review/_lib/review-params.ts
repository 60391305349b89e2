import { idParams } from "@/lib/http/schemas";

export const queueParams = idParams("queueId");
export const itemParams = idParams("queueId", "itemId");
export const runParams = idParams("runId");
