import { z } from "zod";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { setWebhookUrl, webhookUrlOf } from "@/lib/notifications/notification-repository";
import { webhookUrlSchema } from "@/lib/notifications/webhook-url";

/** The signed-in person's webhook URL, where the end of each run they launch is posted (null: none). */
export const GET = route({ access: "research" }, async ({ user }) => ({ url: await webhookUrlOf(user.id) }));
export type GetAccountWebhookResponse = ResponseBody<typeof GET>;

/** Sets the person's own webhook URL (`{ url: null }` or an empty one removes it). Audited as `account.webhook`. */
export const PUT = route(
  {
    access: "research",
    body: z.object({
      url: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), webhookUrlSchema.nullable()),
    }),
  },
  async ({ user, body, actor }) => {
    await setWebhookUrl({ ...actor, userId: user.id }, body.url);
    return { url: body.url };
  },
);
export type PutAccountWebhookResponse = ResponseBody<typeof PUT>;
