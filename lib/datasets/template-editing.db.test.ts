import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { editTemplate } from "./template-editing";

let researcher: Actor;
let datasetId: number;
let templateId: number;
const ORIGINAL = "What is happening in this video?";

beforeAll(async () => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const { id } = await createUser(
    { email: `templates-${tag}@test.local`, name: "R", role: "RESEARCHER", password: "long-enough-pw" },
    SYSTEM_ACTOR,
  );
  researcher = { userId: id, ip: "192.0.2.30" };
  const dataset = await prisma().dataset.create({
    data: {
      name: `templates ${tag}`,
      format: "KINETICS700",
      templates: { create: { key: "activity-1", kind: "activity", text: ORIGINAL } },
    },
    select: { id: true, templates: { select: { id: true } } },
  });
  datasetId = dataset.id;
  templateId = dataset.templates[0]!.id;
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

const storedText = async () =>
  (await prisma().questionTemplate.findUniqueOrThrow({ where: { id: templateId }, select: { text: true } })).text;

test("a template edit records dataset.template.update with the acting researcher and the new wording", async () => {
  await editTemplate(datasetId, templateId, "Which activity does the clip show?", researcher);
  expect(await storedText()).toBe("Which activity does the clip show?");
  expect(await auditTrail("dataset.template.update", templateId)).toEqual([
    {
      actorId: researcher.userId,
      targetType: "QuestionTemplate",
      ipAddress: "192.0.2.30",
      details: { key: "activity-1", text: "Which activity does the clip show?" },
    },
  ]);
});

test("an edit refused for its wording, or failing at commit, changes nothing and records nothing", async () => {
  const before = await auditTrail("dataset.template.update", templateId);
  await expect(editTemplate(datasetId, templateId, "What is {nonsense}?", researcher)).rejects.toMatchObject({ kind: "invalid-input" });
  await expect(
    withFailingCommits("QuestionTemplate", () => editTemplate(datasetId, templateId, "A wording that never lands", researcher)),
  ).rejects.toThrow(/forced failure/);
  expect(await storedText()).not.toBe("A wording that never lands");
  expect(await auditTrail("dataset.template.update", templateId)).toEqual(before);
});
