import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import type { ImportOptionsInput } from "./import-options";
import { generateKineticsCsv } from "./kinetics/generate";
import { requestImport } from "./request-import";
import { makeTempDir, removeTempDir } from "./testing/collect";

let dir: string;
let researcher: Actor;
let options: ImportOptionsInput;

beforeAll(async () => {
  dir = await makeTempDir("request-import");
  const file = path.join(dir, "kinetics.csv");
  await generateKineticsCsv(file, 3, 5);
  options = { datasetName: `requested ${Date.now()}`, format: "kinetics", file, checkMedia: false, displayName: "kinetics.csv" };
  const email = `importer-${Date.now()}@test.local`;
  const { id } = await createUser({ email, name: "Importer", role: "RESEARCHER", password: "long-enough-pw" }, SYSTEM_ACTOR);
  researcher = { userId: id, ip: "192.0.2.40" };
});
afterAll(async () => {
  await removeTempDir(dir);
  await disconnectPrisma();
  await closePool();
});

test("requesting an import records dataset.import with the acting researcher", async () => {
  const row = await requestImport(options, researcher);
  expect(row.createdById).toBe(researcher.userId);
  expect(await auditTrail("dataset.import", row.id)).toEqual([
    {
      actorId: researcher.userId,
      targetType: "DatasetImport",
      ipAddress: "192.0.2.40",
      details: { datasetName: options.datasetName, format: "kinetics", file: "kinetics.csv" },
    },
  ]);
});

test("an import refused before it is recorded, or failing at commit, leaves no row and no audit entry", async () => {
  const rows = await prisma().datasetImport.count();
  const entries = await auditCount("dataset.import");
  await expect(requestImport({ ...options, file: path.join(dir, "missing.csv") }, researcher)).rejects.toMatchObject({
    kind: "invalid-input",
  });
  await expect(withFailingCommits("DatasetImport", () => requestImport(options, researcher))).rejects.toThrow(/forced failure/);
  expect(await prisma().datasetImport.count()).toBe(rows);
  expect(await auditCount("dataset.import")).toBe(entries);
});

test("a file that cannot be imported is named relative to its import root, never by its absolute path", async () => {
  const saved = process.env.IMPORT_ROOTS;
  process.env.IMPORT_ROOTS = dir;
  try {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "annotations", "empty-folder"), { recursive: true });
    const refused = requestImport({ ...options, displayName: undefined, file: path.join(dir, "annotations", "empty-folder") }, researcher);
    await expect(refused).rejects.toThrow("annotations/empty-folder is a folder without an annotation file to import");
    await expect(refused).rejects.not.toThrow(dir);
  } finally {
    if (saved === undefined) delete process.env.IMPORT_ROOTS;
    else process.env.IMPORT_ROOTS = saved;
  }
});
