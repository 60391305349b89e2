import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { prisma } from "@/lib/db/prisma";
import { appUrl } from "@/lib/config/app-url";
import { signInRateLimit } from "@/lib/config/sign-in-rate-limit";
import { MIN_PASSWORD_LENGTH } from "./auth-constants";
import { clearFailedLogins, isAccountLocked, recordFailedLogin } from "./login-throttle";
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
      // web-server.ts replaces X-Forwarded-For with the one address it decided from the connection
      // and TRUSTED_PROXIES; nothing else a client sends names its address.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    hooks: {
      // Per-account throttling of password sign-in, on top of better-auth's per-IP limit. The
      // answer is the same whether or not the account exists.
      before: createAuthMiddleware(async (ctx) => {
        const email = signInEmail(ctx.path, ctx.body);
        if (email && (await isAccountLocked(email))) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins for this account. Try again in 15 minutes." });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const email = signInEmail(ctx.path, ctx.body);
        if (!email) return;
        if (isAPIError(ctx.context.returned)) await recordFailedLogin(email);
        else await clearFailedLogins(email);
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets no new session.
          before: async (session) => {
            const user = await prisma().user.findUnique({ where: { id: session.userId }, select: { active: true } });
            return user?.active ? undefined : false;
          },
        },
      },
    },
  });
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
