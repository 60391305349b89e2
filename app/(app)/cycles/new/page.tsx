import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { LaunchForm } from "@/components/cockpit/launch/launch-form";
import { launchFormModel } from "@/lib/cockpit/launch/launch-form-model";
import { relaunchSettings } from "@/lib/cockpit/launch/relaunch-repository";

export const metadata: Metadata = { title: "Launch a cycle" };

export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const user = await requireUser("research");
  const from = Number((await searchParams).from);
  const [model, original] = await Promise.all([
    launchFormModel(),
    Number.isSafeInteger(from) && from > 0 ? relaunchSettings(from, user.id) : null,
  ]);
  return (
    <main>
      <h1 className="mb-2 text-2xl font-semibold">Launch a cycle</h1>
      <p className="mb-6 text-sm text-slate-600">
        {original ? "Every setting starts at the value that run was launched with." : "Every setting starts at the paper\u2019s value."}{" "}
        Problems are shown beside their fields as you edit.
      </p>
      <LaunchForm model={model} original={original ?? undefined} />
    </main>
  );
}
