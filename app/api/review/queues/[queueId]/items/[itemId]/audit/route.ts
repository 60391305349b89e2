import { auditPatchSchema, saveAudit } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { itemParams } from "../../../../../_lib/review-params";

/** Autosave (any subset of the fields) and, with `submit: true`, finish the item. */
export const PUT = route({ access: "review", params: itemParams, body: auditPatchSchema }, async ({ user, params, body }) =>
  saveAudit(user, params.queueId, params.itemId, body),
);
export type PutReviewQueueItemAuditResponse = ResponseBody<typeof PUT>;
