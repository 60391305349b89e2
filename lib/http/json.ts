import { wireJson } from "./wire";

/** JSON response that also serialises BigInt (row counts, byte sizes) as numbers or strings. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(wireJson(data), { ...init, headers });
}
