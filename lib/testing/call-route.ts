/** The origin route tests send from (same-origin, as the browser does). */
const APP = "http://localhost:3000";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as the browser would: same origin, JSON, with a session's cookie. */
export async function callRoute<Body = Record<string, unknown>>(
  handler: RouteHandler,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
): Promise<{ status: number; body: Body }> {
  const response = await handler(
    new Request(`${APP}${path}`, {
      method,
      headers: { cookie, origin: APP, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: (await response.json()) as Body };
}
