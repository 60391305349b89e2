import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { NewQueueForm } from "@/components/review/new-queue-form";

export const metadata: Metadata = { title: "New review queue" };

export default async function NewQueuePage() {
  await requireUser("research");
  return (
    <main>
      <h1 className="text-2xl font-semibold">New review queue</h1>
      <p className="mt-1 text-sm text-slate-600">Sample a cycle&apos;s generated answers for people to audit next to the video.</p>
      <NewQueueForm />
    </main>
  );
}
