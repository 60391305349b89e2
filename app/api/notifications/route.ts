import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { notificationsOf } from "@/lib/notifications/notification-repository";

/** The signed-in person's newest notifications (their own only) and how many are unread. */
export const GET = route({ access: "anyone" }, async ({ user }) => notificationsOf(user.id));
export type GetNotificationsResponse = ResponseBody<typeof GET>;
