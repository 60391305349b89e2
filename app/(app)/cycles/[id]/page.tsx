import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { BenchmarkPanel } from "@/components/cockpit/benchmarks/benchmark-panel";
import { CycleView } from "@/components/cockpit/cycles/cycle-view";
import { Section } from "@/components/cockpit/ui";
import { cycleProgress } from "@/lib/cockpit/cycles/cycle-progress-repository";
import { toWire } from "@/lib/http/wire";

export const metadata: Metadata = { title: "Cycle" };

export default async function CyclePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("research");
  const id = Number((await params).id);
  const cycle = Number.isSafeInteger(id) && id > 0 ? await cycleProgress(id) : null;
  if (!cycle) notFound();
  return (
    <main className="space-y-4">
      <div>
        <Link href="/cycles" className="text-sm text-indigo-700 hover:underline">
          ← Cycles
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.label}</h1>
        <Link href={`/cycles/new?from=${cycle.runId}`} className="text-sm text-indigo-700 hover:underline">
          Launch again with these settings
        </Link>
      </div>
      <CycleView initial={toWire(cycle)} />
      <Section title="Zero-shot benchmarks (lmms-eval)">
        <BenchmarkPanel runId={cycle.runId} cycleIndexes={Array.from({ length: cycle.index }, (_, i) => i + 1)} />
      </Section>
    </main>
  );
}
