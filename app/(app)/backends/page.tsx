import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { BackendsPanel } from "@/components/cockpit/backends/backends-panel";

export const metadata: Metadata = { title: "Backends" };

export default async function BackendsPage() {
  const user = await requireUser("research");
  return (
    <main>
      <h1 className="mb-2 text-2xl font-semibold">Backends</h1>
      <p className="mb-6 text-sm text-slate-600">
        Inference and training services the cycles run on. Credentials come from the server&apos;s environment or are stored encrypted; they
        are never shown here.
      </p>
      <BackendsPanel canEdit={user.role === "ADMIN"} />
    </main>
  );
}
