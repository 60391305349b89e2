import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { StagedBatch } from "./staged-batch";

/**
 * Staging tables of one import: temporary (never WAL-logged, invisible to other sessions, dropped
 * with the transaction), no index. Each batch is COPY'd into them and merged into Video, Label
 * and Question by one statement (`merge-sql.ts`). Needs only the TEMPORARY privilege that every
 * role has by default — no superuser, nothing that a managed PostgreSQL refuses.
 */
const CREATE_STAGING = `
CREATE TEMPORARY TABLE import_video (
  ord int NOT NULL, key text NOT NULL, split text, source_path text,
  clip_start float8, clip_end float8, metadata jsonb NOT NULL
) ON COMMIT DROP;
CREATE TEMPORARY TABLE import_label (
  video_key text NOT NULL, key text NOT NULL, kind "LabelKind" NOT NULL, value jsonb NOT NULL
) ON COMMIT DROP;
CREATE TEMPORARY TABLE import_question (
  video_key text NOT NULL, key text NOT NULL, template_id int, kind text NOT NULL,
  text text NOT NULL, targets jsonb NOT NULL, split text
) ON COMMIT DROP;
`;

const COPY_VIDEOS = `COPY pg_temp.import_video (ord, key, split, source_path, clip_start, clip_end, metadata) FROM STDIN`;
const COPY_LABELS = `COPY pg_temp.import_label (video_key, key, kind, value) FROM STDIN`;
const COPY_QUESTIONS = `COPY pg_temp.import_question (video_key, key, template_id, kind, text, targets, split) FROM STDIN`;

/** Creates the staging tables; call inside the import's transaction. */
export async function createStaging(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_STAGING);
}

/** Replaces the staging tables' rows with one batch. */
export async function loadStaging(client: pg.ClientBase, batch: StagedBatch): Promise<void> {
  await client.query("TRUNCATE pg_temp.import_video, pg_temp.import_label, pg_temp.import_question");
  await copyIn(client, COPY_VIDEOS, batch.videos);
  await copyIn(client, COPY_LABELS, batch.labels);
  await copyIn(client, COPY_QUESTIONS, batch.questions);
}

/** COPYs the chunks with `sql` (a COPY ... FROM STDIN); the number of rows copied. */
export async function copyIn(client: pg.ClientBase, sql: string, chunks: readonly Buffer[]): Promise<number> {
  if (chunks.length === 0) return 0;
  const stream = client.query(copyFrom(sql));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await finished(stream);
  return stream.rowCount;
}
