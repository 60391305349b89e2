import { prisma } from "@/lib/db/prisma";
import type { RelatedGeneration } from "@/lib/review/items/item-detail-types";
import { storedSpansSchema } from "@/lib/review/schemas/audit-schemas";
import { parseVerdictMatches } from "@/lib/review/schemas/verdict-matches";

const MAX_LABELS = 200;
const MAX_RELATED = 12;

/**
 * Everything about one generation, read-only: the answer, its question, clip and labels, verdicts
 * (matches parsed as the review screen reads them), audits, and the same question's answers in
 * other cycles (and its counterpart mode in this one) — the shapes the review item screen uses.
 */
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
      questionId: true,
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
          video: {
            select: {
              id: true,
              key: true,
              durationSec: true,
              mediaStatus: true,
              fps: true,
              width: true,
              height: true,
              clipStartSec: true,
              clipEndSec: true,
              labels: { orderBy: { key: "asc" }, take: MAX_LABELS, select: { key: true, kind: true, value: true } },
            },
          },
        },
      },
      verdicts: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
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
  const { queueItems, questionId, question, ...rest } = row;
  const { labels, ...video } = question.video;
  return {
    ...rest,
    question: { ...question, video: { ...video, src: `/api/media/videos/${video.id}` } },
    labels: labels.map((label) => ({ key: label.key, kind: label.kind, value: label.value })),
    createdAt: row.createdAt.toISOString(),
    verdicts: row.verdicts.map((verdict) => ({
      ...verdict,
      matches: parseVerdictMatches(verdict.matches),
      createdAt: verdict.createdAt.toISOString(),
    })),
    audits: row.audits.map(({ user, submittedAt, hallucinatedSpans, ...audit }) => ({
      ...audit,
      hallucinatedSpans: storedSpansSchema.parse(hallucinatedSpans),
      userName: user.name,
      submittedAt: submittedAt?.toISOString() ?? null,
    })),
    related: await relatedGenerations(questionId, row.id),
    /** Where the review screen shows this answer: /review/<queueId>/items/<itemId>. */
    reviewItems: queueItems.map((item) => ({ itemId: item.id, queueId: item.queueId, queueName: item.queue.name })),
  };
}

/** The question's other answers (evaluations aside), newest cycle first, each with its latest verdict. */
async function relatedGenerations(questionId: number, exceptId: number): Promise<RelatedGeneration[]> {
  const rows = await prisma().generation.findMany({
    where: { questionId, id: { not: exceptId }, mode: { not: "EVALUATION" } },
    orderBy: [{ cycleId: "desc" }, { id: "asc" }],
    take: MAX_RELATED,
    select: {
      id: true,
      mode: true,
      sampleIndex: true,
      text: true,
      cycle: { select: { id: true, index: true, run: { select: { name: true } } } },
      verdicts: { orderBy: { id: "desc" }, take: 1, select: { passed: true, score: true } },
    },
  });
  return rows
    .map((other) => ({
      id: other.id,
      mode: other.mode,
      sampleIndex: other.sampleIndex,
      text: other.text,
      cycleId: other.cycle.id,
      cycleIndex: other.cycle.index,
      runName: other.cycle.run.name,
      passed: other.verdicts[0]?.passed ?? null,
      score: other.verdicts[0]?.score ?? null,
    }))
    .sort((a, b) => a.cycleIndex - b.cycleIndex || a.runName.localeCompare(b.runName) || a.mode.localeCompare(b.mode));
}
