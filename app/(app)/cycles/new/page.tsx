import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { LaunchForm } from "@/components/cockpit/launch/launch-form";
import { launchFormModel } from "@/lib/cockpit/launch/launch-form-model";

export const metadata: Metadata = { title: "Launch a cycle" };

export default async function LaunchPage() {
  await requireUser("research");
  const model = await launchFormModel();
  return (
    <main>
      <h1 className="mb-2 text-2xl font-semibold">Launch a cycle</h1>
      <p className="mb-6 text-sm text-slate-600">
        Every setting starts at the paper&apos;s value. Problems are shown beside their fields as you edit.
      </p>
      <LaunchForm model={model} />
    </main>
  );
}
