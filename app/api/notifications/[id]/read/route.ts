import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { markNotificationRead } from "@/lib/notifications/notification-repository";

/** Marks one of the signed-in person's notifications read (another person's is not found). */
export const POST = route({ access: "anyone", params: idParams("id") }, async ({ user, params }) => {
  await markNotificationRead(user.id, params.id);
  return { ok: true };
});
export type PostNotificationReadResponse = ResponseBody<typeof POST>;
