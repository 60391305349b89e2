import { afterAll, expect, test } from "vitest";
import { launchRun } from "@/lib/cycles";
import { createFixtureDataset } from "@/lib/cycles/testing/fixtures";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { seedDemoBackends } from "@/lib/demo/demo-backends";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { relaunchSettings } from "./relaunch-repository";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

const jobs = idleJobSender();
const actor = { userId: null, ip: null };

test("a run's settings come back as the launch form takes them, and launch again as they were", async () => {
  await seedDemoBackends();
  const dataset = await createFixtureDataset({ name: `relaunch-${Date.now()}`, train: 6, test: 2 });
  const { runId } = await launchRun(
    {
      name: "relaunch source",
      seed: 7,
      datasets: [{ dataset: dataset.name, sampleSize: 4, splits: ["train"] }],
      sampling: { temperature: 0.7 },
      backends: { inference: "simulator", training: "simulator-ray" },
    },
    actor,
    { jobs },
  );

  const original = await relaunchSettings(runId, null);
  expect(original).toMatchObject({
    runId,
    name: "relaunch source",
    values: { name: "relaunch source", seed: 7, sampling: { temperature: 0.7 } },
    // Named by its name at launch; the form picks datasets by id.
    datasets: [{ datasetId: dataset.datasetId, sampleSize: 4, splits: ["train"] }],
    verifier: { preset: "paper", overrides: {} },
  });
  expect(original?.values).not.toHaveProperty("datasets");
  expect(original?.values).not.toHaveProperty("verifier");

  const again = original
    ? await launchRun(
        {
          ...original.values,
          datasets: original.datasets.map(({ datasetId, ...rest }) => ({ dataset: datasetId, ...rest })),
          verifier: original.verifier,
        },
        actor,
        { jobs },
      )
    : null;
  expect((await relaunchSettings(again?.runId ?? 0, null))?.values).toEqual(original?.values);
  expect(await relaunchSettings(2_000_000_000, null)).toBeNull();
});

test("a run's own webhook URL comes back to the researcher who launched it, and to nobody else", async () => {
  await seedDemoBackends();
  const dataset = await createFixtureDataset({ name: `relaunch-hook-${Date.now()}`, train: 6, test: 2 });
  const [launcher, colleague] = await Promise.all(
    ["launcher", "colleague"].map((who) =>
      createUser(
        { email: `relaunch-${who}-${Date.now()}@test.local`, name: who, role: "RESEARCHER", password: "long-enough-pw-42" },
        SYSTEM_ACTOR,
      ),
    ),
  );
  const webhookUrl = "https://hooks.slack.com/services/T000/B000/secret-path";
  const { runId } = await launchRun(
    {
      name: "relaunch with a webhook",
      datasets: [{ dataset: dataset.name, sampleSize: 4, splits: ["train"] }],
      backends: { inference: "simulator", training: "simulator-ray" },
      notify: { webhookUrl },
    },
    { userId: launcher!.id, ip: null },
    { jobs },
  );
  expect((await relaunchSettings(runId, launcher!.id))?.values.notify).toEqual({ webhookUrl });
  const seenByColleague = await relaunchSettings(runId, colleague!.id);
  expect(JSON.stringify(seenByColleague)).not.toContain("secret-path");
  expect(seenByColleague?.name).toBe("relaunch with a webhook");
});
