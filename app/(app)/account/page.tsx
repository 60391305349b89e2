import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/change-password-form";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { requireUser } from "@/app/_lib/require-user";
import { ACCESS, ROLE_LABELS, type Role } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("anyone");
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="text-slate-600">
        {user.email} · {ROLE_LABELS[user.role]}
      </p>
      <ChangePasswordForm />
      {(ACCESS.research as readonly Role[]).includes(user.role) && <WebhookForm />}
    </main>
  );
}
