import { describe, expectTypeOf, it } from "vitest";
import { json } from "./json";
import type { ResponseBody } from "./response-body";
import { publicRoute, route } from "./route";

describe("ResponseBody", () => {
  it("is what the handler returns, as the client parses it", () => {
    const GET = route({ access: "research" }, async () => ({ run: { id: 1, createdAt: new Date(), rows: 10n, note: undefined } }));
    expectTypeOf<ResponseBody<typeof GET>>().toEqualTypeOf<{ run: { id: number; createdAt: string; rows: number | string } }>();
  });

  it("reads through json() when the handler sets a status", () => {
    const POST = route({ access: "admin" }, async () => json({ id: 3, queuedAt: new Date() }, { status: 201 }));
    expectTypeOf<ResponseBody<typeof POST>>().toEqualTypeOf<{ id: number; queuedAt: string }>();
  });

  it("is the union of what each branch returns", () => {
    const GET = route({ access: "research" }, async ({ request }) =>
      request.headers.has("x-short") ? { short: true as const } : json({ items: [new Date()] }),
    );
    expectTypeOf<ResponseBody<typeof GET>>().toEqualTypeOf<{ short: true } | { items: string[] }>();
  });

  it("is never for a handler that answers with another kind of Response (a file, a stream)", () => {
    const GET = route({ access: "research" }, async () => new Response("a,b\n1,2\n", { headers: { "content-type": "text/csv" } }));
    expectTypeOf<ResponseBody<typeof GET>>().toEqualTypeOf<never>();
    const health = publicRoute(async () => new Response("ok"));
    expectTypeOf<ResponseBody<typeof health>>().toEqualTypeOf<never>();
  });
});
