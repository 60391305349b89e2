import type { Metadata } from "next";
import { SignInForm } from "@/components/sign-in-form";
import { isDemoMode } from "@/lib/config/demo-mode";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/demo-users";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { sameOriginPath } from "@/lib/http/same-origin-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = sameOriginPath(next);
  return (
    <main className="mx-auto max-w-sm px-6 py-20">
      <h1 className="text-2xl font-semibold">Video-STaR Studio</h1>
      <p className="mt-1 text-sm text-slate-600">Sign in to continue.</p>
      <div className="mt-8">
        <SignInForm next={target} />
      </div>
      {isDemoMode() && (
        <aside className="mt-10 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" aria-label="Demo accounts">
          <p className="font-medium">Demo mode: these accounts share the password “{DEMO_PASSWORD}”.</p>
          <ul className="mt-2 space-y-1">
            {DEMO_USERS.map((user) => (
              <li key={user.email}>
                <span className="font-mono">{user.email}</span> — {ROLE_LABELS[user.role]}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </main>
  );
}
