import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { markAllNotificationsRead } from "@/lib/notifications/notification-repository";

/** Marks every notification of the signed-in person read. */
export const POST = route({ access: "anyone" }, async ({ user }) => ({ marked: await markAllNotificationsRead(user.id) }));
export type PostNotificationsReadAllResponse = ResponseBody<typeof POST>;
