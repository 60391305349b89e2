import { createExplorerView, createExplorerViewSchema, listExplorerViews } from "@/lib/cockpit/generations/explorer-views-repository";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** The signed-in user's saved explorer views, by name. */
export const GET = route({ access: "researchOrPi" }, async ({ user }) => ({ views: await listExplorerViews(user.id) }));
export type GetExplorerViewsResponse = ResponseBody<typeof GET>;

/** Saves the explorer's current filters (search and sort included) under a name. */
export const POST = route({ access: "researchOrPi", body: createExplorerViewSchema }, async ({ user, body }) =>
  json(await createExplorerView(user.id, body), { status: 201 }),
);
export type PostExplorerViewResponse = ResponseBody<typeof POST>;
