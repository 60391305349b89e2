import type { Actor } from "@/lib/audit/actor";
import type { z } from "zod";
import { appUrl } from "@/lib/config/app-url";
import { ACCESS, type Access } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, forbidden, invalidInput, unauthenticated } from "@/lib/errors/domain-error";
import "@/lib/validation/zod-messages";
import { requestClientAddress } from "./client-address";
import { errorResponse } from "./error-response";
import { json } from "./json";
import { MAX_JSON_BODY_BYTES, readBodyText, withBodyWithin } from "./request-body";
import { nulCharacterAt } from "./schemas";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  /** Which roles may call it (lib/auth/roles ACCESS); there is no default. */
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The largest JSON body taken (default MAX_JSON_BODY_BYTES); a larger one is answered 413 unread. */
  maxBodyBytes?: number;
}

export interface RouteInput<P, Q, B> {
  user: SessionUser;
  params: P;
  query: Q;
  body: B;
  request: Request;
  ip: string | null;
  /** The signed-in user and their address, as audited services record who made a change. */
  actor: Actor;
}

interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

declare const answers: unique symbol;

/**
 * A route handler as Next.js calls it, carrying its access policy for the authorization tests and,
 * as a type only, what its handler returns on success (read with ResponseBody).
 */
export type GuardedHandler<Answer = unknown> = ((request: Request, context: NextRouteContext) => Promise<Response>) & {
  access: Access | "public";
  readonly [answers]?: Answer;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper for every route handler: session and role first (deny by default), Origin on
 * mutations, validated params, query and body, and errors turned into JSON that names the problem.
 */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Answer = unknown,
>(spec: RouteSpec<P, Q, B>, handler: (input: RouteInput<Infer<P>, Infer<Q>, Infer<B>>) => Promise<Answer>): GuardedHandler<Answer> {
  const guarded = async (request: Request, context: NextRouteContext) =>
    respond(async () => {
      const user = await getSessionUser(request.headers);
      if (!user) throw unauthenticated();
      if (!(ACCESS[spec.access] as readonly string[]).includes(user.role)) {
        throw forbidden(`The ${user.role.toLowerCase()} role may not do this`);
      }
      if (MUTATING.has(request.method)) checkOrigin(request);
      const params = parse(spec.params, await context.params, "path");
      const query = parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body ? parse(spec.body, await readJson(request, spec.maxBodyBytes ?? MAX_JSON_BODY_BYTES), "body") : undefined;
      const ip = requestClientAddress(request.headers);
      return handler({
        user,
        params: params as Infer<P>,
        query: query as Infer<Q>,
        body: body as Infer<B>,
        request,
        ip,
        actor: { userId: user.id, ip },
      });
    });
  return Object.assign(guarded, { access: spec.access });
}

/** The largest body a public handler (sign-in, password change) takes. */
const MAX_PUBLIC_BODY_BYTES = 64 * 1024;

/**
 * For the few handlers anyone may call (sign-in itself, liveness); they say so explicitly. Their
 * bodies are small: one larger than MAX_PUBLIC_BODY_BYTES is refused (413) before the handler runs.
 */
export function publicRoute(handler: (request: Request) => Promise<Response>): GuardedHandler<Response> {
  return Object.assign((request: Request) => respond(async () => handler(await withBodyWithin(request, MAX_PUBLIC_BODY_BYTES))), {
    access: "public" as const,
  });
}

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

function parse(schema: Schema | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const nul = nulCharacterAt(value);
  if (nul) {
    const field = nul.join(".");
    const message = "contains a NUL character (\\u0000), which cannot be stored";
    throw new DomainError("invalid-input", `Invalid ${where}: ${[where, ...nul].join(".")}: ${message}`, {
      field: field || undefined,
      details: { issues: [{ field: [where, ...nul].join("."), message }] },
    });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: [where, ...issue.path].join("."), message: issue.message }));
  const only = result.error.issues.length === 1 ? result.error.issues[0]?.path.join(".") : undefined;
  throw new DomainError("invalid-input", `Invalid ${where}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, {
    field: only || undefined,
    details: { issues },
  });
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput("The request body is not valid JSON");
  }
}

function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const allowed = new Set([new URL(appUrl()).origin, new URL(request.url).origin]);
  if (!origin || !allowed.has(origin)) throw forbidden("Cross-origin request refused");
}
