import {
  deleteExplorerView,
  getExplorerView,
  renameExplorerView,
  renameExplorerViewSchema,
} from "@/lib/cockpit/generations/explorer-views-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("viewId");

/** Any saved view, for anyone who may use the explorer (its link is how a view is shared); filters that no longer fit are dropped and named. */
export const GET = route({ access: "researchOrPi", params }, async ({ user, params }) => getExplorerView(params.viewId, user.id));
export type GetExplorerViewResponse = ResponseBody<typeof GET>;

/** Renames a view; only its owner may. */
export const PATCH = route({ access: "researchOrPi", params, body: renameExplorerViewSchema }, async ({ user, params, body }) =>
  renameExplorerView(params.viewId, user.id, body.name),
);
export type PatchExplorerViewResponse = ResponseBody<typeof PATCH>;

/** Deletes a view; only its owner may. */
export const DELETE = route({ access: "researchOrPi", params }, async ({ user, params }) => {
  await deleteExplorerView(params.viewId, user.id);
  return { deleted: params.viewId };
});
export type DeleteExplorerViewResponse = ResponseBody<typeof DELETE>;
