import { auditPatchSchema, saveAudit } from "@/lib/review";
import { itemParams, reviewRoute } from "../../../../../_lib/review-route";

/** Autosave (any subset of the fields) and, with `submit: true`, finish the item. */
export const PUT = reviewRoute({ access: "review", params: itemParams, body: auditPatchSchema }, async ({ user, params, body }) =>
  saveAudit(user, params.queueId, params.itemId, body),
);
