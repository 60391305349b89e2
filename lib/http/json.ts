import { wireJson } from "./wire";

declare const carries: unique symbol;

/** A Response made by json(), remembering as a type only the value it carries (for ResponseBody). */
export type JsonResponse<Body> = Response & { readonly [carries]: Body };

/** JSON response that also serialises BigInt (row counts, byte sizes) as numbers or strings. */
export function json<Body>(data: Body, init: ResponseInit = {}): JsonResponse<Body> {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(wireJson(data), { ...init, headers }) as JsonResponse<Body>;
}
