import { addGenerationComment, CommentInput, generationComments } from "@/lib/comments/generation-comments";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** Every role may ask; the service shows an annotator only generations handed to them. */
export const GET = route({ access: "anyone", params }, async ({ params, user }) => ({
  comments: await generationComments(user, params.id),
}));
export type GetGenerationCommentsResponse = ResponseBody<typeof GET>;

/** A comment, or a reply to one (parentId); audited. */
export const POST = route({ access: "anyone", params, body: CommentInput }, async ({ params, body, user, actor }) => {
  const comment = await addGenerationComment(user, actor, params.id, body);
  return json({ comment }, { status: 201 });
});
export type PostGenerationCommentsResponse = ResponseBody<typeof POST>;
