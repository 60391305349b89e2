"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const response = await fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: form.get("current"), newPassword: form.get("next"), revokeOtherSessions: true }),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    setMessage(
      response.ok
        ? { ok: true, text: "Password changed; your other sessions were signed out." }
        : { ok: false, text: body.message ?? "The password could not be changed" },
    );
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-3" aria-label="Change password">
      <label className="block">
        <span className="text-sm text-slate-700">Current password</span>
        <input
          name="current"
          type="password"
          required
          autoComplete="current-password"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block">
        <span className="text-sm text-slate-700">New password (10 characters or more, not easy to guess)</span>
        <input
          name="next"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <Button variant="primary" size="md" type="submit">
        Change password
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-rose-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
