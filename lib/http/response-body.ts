import type { JsonResponse } from "./json";
import type { GuardedHandler } from "./route";
import type { Wire } from "./wire";

/**
 * The JSON body a client receives when the handler succeeds: what it returns (or passes to json()),
 * as json() serialises it. Route modules export it for the components that call them, e.g.
 * `export type GetCycleResponse = ResponseBody<typeof GET>`, so the type follows the code.
 */
export type ResponseBody<Handler> = Handler extends GuardedHandler<infer Answer> ? SuccessBody<Answer> : never;

/** A Response that is not json()'s (a file, a stream) has no JSON body to describe. */
type SuccessBody<Answer> = Answer extends JsonResponse<infer Body> ? Wire<Body> : Answer extends Response ? never : Wire<Answer>;
