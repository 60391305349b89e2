import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { CommentThread } from "@/components/comments/comment-thread";
import { GenerationDetailView } from "@/components/cockpit/generations/generation-detail-view";
import { generationDetail } from "@/lib/cockpit/generations/generation-detail-repository";
import { toWire } from "@/lib/http/wire";

export const metadata: Metadata = { title: "Generation" };

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("researchOrPi");
  const id = Number((await params).id);
  const generation = Number.isSafeInteger(id) && id > 0 ? await generationDetail(id) : null;
  if (!generation) notFound();
  return (
    <main className="space-y-6">
      <div>
        <Link href="/generations" className="text-sm text-indigo-700 hover:underline">
          ← Generations
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Generation #{generation.id}</h1>
      </div>
      <GenerationDetailView generation={toWire(generation)} />
      <CommentThread generationId={generation.id} />
    </main>
  );
}
