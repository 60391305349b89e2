import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma } from "@/lib/db/prisma";
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
let tag: string;

beforeAll(async () => {
  tag = uniqueTag("detail");
  const dataset = await createDatasetWithQuestions(tag, "class", 1);
  const { cycleIds } = await createRunWithCycles(tag, 1);
  [generationId] = (await createGenerations(cycleIds[0]!, [
    { questionId: dataset.questionIds[0]!, text: "She eats apple pie.", passed: true, latencyMs: 900 },
  ])) as [number];
  await createAudit(generationId, await createAuditor(tag), "HALLUCINATED", false);
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
