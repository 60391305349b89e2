import type { z } from "zod";
import { ACCESS, type Access } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { log } from "@/lib/log";
import { HttpError } from "./http-error";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

export type GuardedAction<I, T> = ((input: unknown) => Promise<ActionResult<T>>) & { access: Access; input?: I };

/**
 * The server-action twin of `route`: session and role first (deny by default), validated input,
 * errors returned as values (server actions cannot send status codes). `getHeaders` is injected so
 * lib stays free of Next.js; app code passes `() => headers()`.
 */
export function serverAction<S extends z.ZodType, T>(
  getHeaders: () => Promise<Headers>,
  spec: { access: Access; input: S },
  run: (args: { user: SessionUser; input: z.infer<S> }) => Promise<T>,
): GuardedAction<S, T> {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await getSessionUser(await getHeaders());
      if (!user) throw new HttpError(401, "Sign in required");
      if (!(ACCESS[spec.access] as readonly string[]).includes(user.role))
        throw new HttpError(403, `The ${user.role.toLowerCase()} role may not do this`);
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success)
        throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
      return { ok: true, data: await run({ user, input: parsed.data }) };
    } catch (error) {
      if (error instanceof HttpError) return { ok: false, status: error.status, error: error.message };
      log.error("Server action failed", { component: "action", error });
      return { ok: false, status: 500, error: "Internal error" };
    }
  };
  return Object.assign(action, { access: spec.access });
}
