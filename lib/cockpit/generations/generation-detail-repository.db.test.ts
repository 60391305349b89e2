import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import {
  createAudit,
  createAuditor,
  createDatasetWithQuestions,
  createGenerations,
  createRunWithCycles,
  uniqueTag,
} from "../testing/cockpit-fixtures";
import { generationDetail } from "./generation-detail-repository";

let generationId: number;
let rationalizationId: number;
let laterId: number;
let videoId: number;
let tag: string;

beforeAll(async () => {
  tag = uniqueTag("detail");
  const dataset = await createDatasetWithQuestions(tag, "class", 1);
  const questionId = dataset.questionIds[0]!;
  const { cycleIds } = await createRunWithCycles(tag, 2);
  [generationId, rationalizationId] = (await createGenerations(cycleIds[0]!, [
    { questionId, text: "She eats apple pie.", passed: true, latencyMs: 900 },
    { questionId, mode: "RATIONALIZATION", text: "Given the label, she eats pie." },
  ])) as [number, number];
  [laterId] = (await createGenerations(cycleIds[1]!, [{ questionId, text: "A woman has dessert.", passed: false }])) as [number];
  await createGenerations(cycleIds[1]!, [{ questionId, mode: "EVALUATION", text: "Held out." }]);
  const question = await prisma().question.findUniqueOrThrow({ where: { id: questionId }, select: { videoId: true } });
  videoId = question.videoId;
  await prisma().video.update({ where: { id: videoId }, data: { mediaStatus: "READY", fps: 24, width: 320, height: 240 } });
  await prisma().label.create({
    data: { videoId, key: "interval:eat", kind: "INTERVAL", value: { start: 0.5, end: 2, action: "eating" } },
  });
  // The verifier's stored matches: one found part with offsets, one record that does not fit.
  await prisma().verdict.updateMany({
    where: { generationId },
    data: { matches: [{ part: "apple pie", start: 9, end: 18, text: "apple pie", similarity: 1 }, { nonsense: true }] },
  });
  const auditor = await createAuditor(tag);
  await createAudit(generationId, auditor, "HALLUCINATED", false);
  await prisma().audit.updateMany({
    where: { generationId, userId: auditor },
    data: { hallucinatedSpans: [{ start: 0, end: 3, text: "She" }] },
  });
});
afterAll(() => disconnectPrisma());

test("a generation's detail carries its question, labels, verdicts and audits", async () => {
  const detail = await generationDetail(generationId);
  expect(detail).toMatchObject({
    id: generationId,
    text: "She eats apple pie.",
    latencyMs: 900,
    cycle: { index: 1, run: { name: `${tag}-run` } },
    question: { targets: [{ labelType: "class", label: "eating apple pie" }], dataset: { name: `${tag}-class` } },
    verdicts: [{ passed: true, verifierVersion: "test-1" }],
    audits: [{ verdict: "HALLUCINATED", labelPresent: false }],
  });
  expect(detail?.audits[0]?.userName).toMatch(/^Auditor /);
  expect(await generationDetail(2_000_000_000)).toBeNull();
});

test("it carries what the review screen's components draw: the clip, its labels, parsed matches and spans", async () => {
  const detail = await generationDetail(generationId);
  expect(detail?.question.video).toMatchObject({ id: videoId, src: `/api/media/videos/${videoId}`, fps: 24, width: 320, height: 240 });
  expect(detail?.labels).toEqual([{ key: "interval:eat", kind: "INTERVAL", value: { start: 0.5, end: 2, action: "eating" } }]);
  // Matched parts come parsed (offsets into the answer), the unreadable record left out.
  expect(detail?.verdicts[0]?.matches).toEqual([{ part: "apple pie", start: 9, end: 18, text: "apple pie", similarity: 1 }]);
  expect(detail?.audits[0]?.hallucinatedSpans).toEqual([{ start: 0, end: 3, text: "She" }]);
});

test("the same question's other answers: this cycle's counterpart mode and other cycles, without evaluations", async () => {
  const detail = await generationDetail(generationId);
  expect(detail?.related.map((other) => [other.id, other.mode, other.cycleIndex, other.passed])).toEqual([
    [rationalizationId, "RATIONALIZATION", 1, null],
    [laterId, "ANSWER", 2, false],
  ]);
});
