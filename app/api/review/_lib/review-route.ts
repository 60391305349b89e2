import { z } from "zod";
import { HttpError } from "@/lib/http/http-error";
import { route, type GuardedHandler, type RouteInput, type RouteSpec } from "@/lib/http/route";
import { ReviewError } from "@/lib/review/errors";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

const STATUS: Record<ReviewError["kind"], number> = { "not-found": 404, forbidden: 403, conflict: 409, invalid: 400 };

/** route() whose handler may throw the review domain's errors; they become 404 / 403 / 409 / 400. */
export function reviewRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>, handler: (input: RouteInput<Infer<P>, Infer<Q>, Infer<B>>) => Promise<Response | unknown>): GuardedHandler {
  return route(spec, async (input) => {
    try {
      return await handler(input);
    } catch (error) {
      if (error instanceof ReviewError) throw new HttpError(STATUS[error.kind], error.message);
      throw error;
    }
  });
}

const positiveId = z.coerce.number().int().positive();
export const queueParams = z.object({ queueId: positiveId });
export const itemParams = z.object({ queueId: positiveId, itemId: positiveId });
export const runParams = z.object({ runId: positiveId });
