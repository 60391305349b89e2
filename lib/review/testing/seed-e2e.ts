// npx tsx lib/review/testing/seed-e2e.ts — for e2e/review.spec.ts, with DATABASE_URL pointing at the
// e2e database and VSTAR_DATA_DIR at its data folder. The demo has no generations until a cycle
// runs, so this makes what the review screen needs: a clip (a person picking up a box) in the
// media store, questions with an interval label, generated answers and rationalizations with
// verdicts, and a small queue assigned to annotator@demo.local. Prints {"queueId", "queueName"}.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { mediaRoot } from "@/lib/config/media-root";
import { closePool, pool } from "@/lib/db/pool";
import { synthesizeDemoClip } from "@/lib/media/synthesize";
import { createQueue } from "../queues/create-queue";
import { createQueueSchema } from "../schemas/queue-schemas";
import { seedReviewFixture } from "./review-fixture";

const CLIP = "review-e2e/person-picks-up-box.mp4";

async function main(): Promise<void> {
  const email = process.argv[2] ?? "annotator@demo.local";
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const annotator = rows[0];
  if (!annotator) throw new Error(`No user ${email}: is DATABASE_URL the demo database?`);

  const clip = path.join(mediaRoot(), CLIP);
  if (!existsSync(clip)) await synthesizeDemoClip("carry", clip, { durationSec: 3, fps: 24 });

  const tag = `e2e-${randomUUID().slice(0, 8)}`;
  const fixture = await seedReviewFixture({ tag, questions: 2, mediaPath: CLIP });
  const queueName = `Review e2e ${tag}`;
  const queue = await createQueue(
    createQueueSchema.parse({ name: queueName, cycleId: fixture.cycleIds[0], size: 4, overlap: 1, assignees: [annotator.id], seed: 3 }),
    null,
  );
  console.log(JSON.stringify({ queueId: queue.id, queueName, size: queue.size }));
}

try {
  await main();
} finally {
  await closePool();
}
