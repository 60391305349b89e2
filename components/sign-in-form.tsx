"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { sameOriginPath } from "@/lib/http/same-origin-path";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setPending(false);
    if (response?.ok) {
      // The page checked it already; checked again here, where the browser follows it.
      window.location.assign(sameOriginPath(next));
      return;
    }
    const body = (await response?.json().catch(() => null)) as { message?: string } | null;
    setError(response?.status === 429 ? (body?.message ?? "Too many attempts; wait a while.") : "Invalid email or password");
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Email</span>
        <input
          name="email"
          type="email"
          required
          autoComplete="username"
          // biome-ignore lint/a11y/noAutofocus: the sign-in page has one job; its first field takes the keyboard
          autoFocus
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Password</span>
        <input
          name="password"
          type="password"
          required
          autoComplete="current-password"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <Button variant="primary" size="lg" className="w-full" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
