import { prisma } from "@/lib/db/prisma";

/** Everything about one generation, read-only: the answer, its question and labels, verdicts and audits. */
export async function generationDetail(id: number) {
  const row = await prisma().generation.findUnique({
    where: { id },
    select: {
      id: true,
      mode: true,
      sampleIndex: true,
      model: true,
      prompt: true,
      text: true,
      latencyMs: true,
      promptTokens: true,
      completionTokens: true,
      finishReason: true,
      simulated: true,
      createdAt: true,
      cycle: { select: { id: true, index: true, status: true, run: { select: { id: true, name: true } } } },
      question: {
        select: {
          id: true,
          key: true,
          kind: true,
          text: true,
          targets: true,
          split: true,
          dataset: { select: { id: true, name: true } },
          video: { select: { id: true, key: true, durationSec: true, mediaStatus: true } },
        },
      },
      verdicts: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          verifierVersion: true,
          passed: true,
          score: true,
          threshold: true,
          method: true,
          matches: true,
          createdAt: true,
        },
      },
      audits: {
        orderBy: { updatedAt: "desc" },
        select: {
          id: true,
          verdict: true,
          labelPresent: true,
          hallucinatedSpans: true,
          note: true,
          submittedAt: true,
          user: { select: { name: true } },
        },
      },
      queueItems: { orderBy: { id: "desc" }, select: { id: true, queueId: true, queue: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const { queueItems: _queueItems, ...rest } = row;
  return {
    ...rest,
    createdAt: row.createdAt.toISOString(),
    verdicts: row.verdicts.map((verdict) => ({ ...verdict, createdAt: verdict.createdAt.toISOString() })),
    audits: row.audits.map(({ user, submittedAt, ...audit }) => ({
      ...audit,
      userName: user.name,
      submittedAt: submittedAt?.toISOString() ?? null,
    })),
    /** Where the review screen shows this answer: /review/<queueId>/items/<itemId>. */
    reviewItems: row.queueItems.map((item) => ({ itemId: item.id, queueId: item.queueId, queueName: item.queue.name })),
  };
}
