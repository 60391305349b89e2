import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { CommentThread } from "@/components/comments/comment-thread";
import { DivePlayer } from "@/components/aqa/dive-player";
import { DiveFacts } from "@/components/aqa/dive-facts";
import { RationaleText } from "@/components/aqa/rationale-text";
import { SignOffPanel } from "@/components/aqa/sign-off-panel";
import { diveReview, GenerationParams } from "@/lib/aqa-review";
import { SimulatedBadge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Dive" };

export default async function AqaDivePage({ params }: { params: Promise<{ generationId: string }> }) {
  const user = await requireUser("aqa");
  const parsed = GenerationParams.safeParse(await params);
  if (!parsed.success) notFound();
  const result = await diveReview(parsed.data.generationId);
  if (result.kind === "not-found") notFound();
  if (result.kind === "not-reviewable") {
    return (
      <main>
        <h1 className="text-2xl font-semibold">This answer cannot be reviewed</h1>
        <p className="mt-2 text-rose-700">{result.message}</p>
      </main>
    );
  }
  const { review } = result;
  const { figures, cycle } = review;
  const modeQuery = review.mode === "EVALUATION" ? "?mode=EVALUATION" : "";
  return (
    <main className="space-y-6">
      <div className="space-y-1">
        <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm text-slate-500">
          <Link href="/aqa" className="hover:underline">
            FineDiving explanations
          </Link>
          ›
          <Link href={`/aqa/cycles/${cycle.id}${modeQuery}`} className="hover:underline">
            {cycle.run.name}, cycle {cycle.index}
          </Link>
          › {review.video.key}
          <span className="ml-auto flex gap-3">
            {review.neighbours.previous && (
              <Link href={`/aqa/dives/${review.neighbours.previous}`} className="text-indigo-700 hover:underline">
                ← Previous dive
              </Link>
            )}
            {review.neighbours.next && (
              <Link href={`/aqa/dives/${review.neighbours.next}`} className="text-indigo-700 hover:underline">
                Next dive →
              </Link>
            )}
          </span>
        </nav>
        <h1 className="text-2xl font-semibold">
          Dive {figures.diveNumber} · {review.video.key}
        </h1>
        <p className="text-slate-600">
          {figures.diveDescription ?? "dive number not decodable"} · {review.dataset.name}
          {review.video.split && ` · ${review.video.split} split`} · {figures.questionKind}
          {review.simulated && <SimulatedBadge className="ml-2" title="Answered by the GPU-backend simulator, not a real model" />}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          <DivePlayer video={review.video} timeline={review.timeline} />
          <section aria-labelledby="rationale-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="rationale-heading" className="mb-2 text-lg font-semibold">
              Rationale
            </h2>
            <p className="mb-3 text-sm text-slate-500">
              Q: {review.questionText} <span className="text-xs">(model {review.model})</span>
            </p>
            <RationaleText rationale={review.rationale} />
          </section>
        </div>
        <div className="space-y-4 lg:col-span-2">
          <DiveFacts review={review} />
          <SignOffPanel generationId={review.generationId} viewerId={user.id} initial={review.signOffs} />
          <CommentThread generationId={review.generationId} />
        </div>
      </div>
    </main>
  );
}
