import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { prisma } from "@/lib/db/prisma";
import { appUrl } from "@/lib/config/app-url";
import { requestClientAddress } from "@/lib/http/client-address";
import { signInRateLimit } from "@/lib/config/sign-in-rate-limit";
import { MIN_PASSWORD_LENGTH } from "./auth-constants";
import { beginSignInAttempt, endSignInAttemptWithSuccess } from "./login-throttle";
import { refuseWeakNewPassword } from "./password-policy";
import { ensureAuthSecret } from "./secret";

function createAuth() {
  const url = appUrl();
  return betterAuth({
    appName: "Video-STaR Studio",
    baseURL: url,
    basePath: "/api/auth",
    secret: ensureAuthSecret(),
    trustedOrigins: [new URL(url).origin],
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (and the demo seed), never by visitors.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 200,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "ANNOTATOR" },
        active: { type: "boolean", input: false, defaultValue: true },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: signInRateLimit() } },
    },
    advanced: {
      cookiePrefix: "vstar",
      useSecureCookies: url.startsWith("https://"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
      // lib/launcher/web-server.ts replaces X-Forwarded-For with the one address it decided from the connection
      // and TRUSTED_PROXIES; nothing else a client sends names its address.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await refuseWeakNewPassword(ctx.path, ctx.body, async () => {
          const session = await getSessionFromCtx(ctx);
          return session ? [session.user.email, session.user.name] : [];
        });
        // Password guessing is slowed per account and address (login-throttle), on top of
        // better-auth's per-address limit; the answer is the same whether or not the account exists.
        const email = signInEmail(ctx.path, ctx.body);
        if (!email) return;
        const attempt = await beginSignInAttempt(email, clientAddressOf(ctx.headers));
        if (!attempt.allowed) {
          const seconds = Math.ceil(attempt.retryAfterMs / 1000);
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: `Too many failed sign-ins for this account from your address. Try again in ${waitText(seconds)}.` },
            { "Retry-After": String(seconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const email = signInEmail(ctx.path, ctx.body);
        if (!email || isAPIError(ctx.context.returned)) return;
        await endSignInAttemptWithSuccess(email, clientAddressOf(ctx.headers));
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets no new session, and the answer a wrong password gets: signing
          // in tells nobody which accounts exist or are deactivated.
          before: async (session) => {
            const user = await prisma().user.findUnique({ where: { id: session.userId }, select: { active: true } });
            if (!user?.active)
              throw new APIError("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
          },
        },
      },
    },
  });
}

function clientAddressOf(headers: Headers | undefined): string | null {
  return headers ? requestClientAddress(headers) : null;
}

function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

function signInEmail(path: string, body: unknown): string | null {
  if (path !== "/sign-in/email" || typeof body !== "object" || body === null) return null;
  const email = (body as { email?: unknown }).email;
  return typeof email === "string" ? email : null;
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { vstarAuth?: Auth };

export function auth(): Auth {
  cache.vstarAuth ??= createAuth();
  return cache.vstarAuth;
}
