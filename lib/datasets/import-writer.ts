import type pg from "pg";
import type { ImportedItem, LabelKind } from "./types";

export interface BatchCounts {
  videosCreated: number;
  videosUpdated: number;
  labelsCreated: number;
  labelsUpdated: number;
  questionsCreated: number;
  questionsUpdated: number;
}

export const ZERO_COUNTS: BatchCounts = {
  videosCreated: 0,
  videosUpdated: 0,
  labelsCreated: 0,
  labelsUpdated: 0,
  questionsCreated: 0,
  questionsUpdated: 0,
};

export function addCounts(a: BatchCounts, b: BatchCounts): BatchCounts {
  return {
    videosCreated: a.videosCreated + b.videosCreated,
    videosUpdated: a.videosUpdated + b.videosUpdated,
    labelsCreated: a.labelsCreated + b.labelsCreated,
    labelsUpdated: a.labelsUpdated + b.labelsUpdated,
    questionsCreated: a.questionsCreated + b.questionsCreated,
    questionsUpdated: a.questionsUpdated + b.questionsUpdated,
  };
}

const DB_LABEL_KIND: Record<LabelKind, string> = {
  class: "CLASS",
  float: "FLOAT",
  bbox: "BBOX",
  interval: "INTERVAL",
  timestamp: "TIMESTAMP",
  sequence: "SEQUENCE",
  caption: "CAPTION",
  same: "SAME",
  dive: "DIVE",
};

/**
 * One statement per batch: videos upserted on (datasetId, key), then their labels on (videoId, key)
 * and questions on (videoId, key), as unnest arrays. A row is rewritten only when something in it
 * changed, so re-importing the same file writes nothing. A changed source path sends the video back
 * to PENDING for the ingest step. `xmax = 0` tells an inserted row from an updated one.
 */
const UPSERT_BATCH = `
WITH v_in AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[])
    AS t(key, split, source_path, clip_start, clip_end, metadata)
),
v_up AS (
  INSERT INTO "Video" ("datasetId", key, split, "sourcePath", "clipStartSec", "clipEndSec", metadata)
  SELECT $1, key, split, source_path, clip_start, clip_end, metadata::jsonb FROM v_in
  ON CONFLICT ("datasetId", key) DO UPDATE SET
    split = EXCLUDED.split,
    "sourcePath" = EXCLUDED."sourcePath",
    "clipStartSec" = EXCLUDED."clipStartSec",
    "clipEndSec" = EXCLUDED."clipEndSec",
    metadata = EXCLUDED.metadata,
    "mediaStatus" = CASE WHEN "Video"."sourcePath" IS DISTINCT FROM EXCLUDED."sourcePath"
                         THEN 'PENDING'::"MediaStatus" ELSE "Video"."mediaStatus" END,
    "updatedAt" = now()
  WHERE ("Video".split, "Video"."sourcePath", "Video"."clipStartSec", "Video"."clipEndSec", "Video".metadata)
        IS DISTINCT FROM (EXCLUDED.split, EXCLUDED."sourcePath", EXCLUDED."clipStartSec", EXCLUDED."clipEndSec", EXCLUDED.metadata)
  RETURNING id, key, (xmax = 0) AS inserted
),
v_ids AS (
  SELECT id, key FROM v_up
  UNION ALL
  -- Unchanged videos (not returned by the upsert): one unique-index lookup each. A correlated
  -- subquery keeps the planner from scanning the whole dataset, whose statistics go stale mid-import.
  SELECT (SELECT v.id FROM "Video" v WHERE v."datasetId" = $1 AND v.key = v_in.key), v_in.key
  FROM v_in WHERE NOT EXISTS (SELECT 1 FROM v_up WHERE v_up.key = v_in.key)
),
l_up AS (
  INSERT INTO "Label" ("videoId", key, kind, value)
  SELECT v_ids.id, l.key, l.kind, l.value::jsonb
  FROM unnest($8::text[], $9::text[], $10::"LabelKind"[], $11::text[]) AS l(video_key, key, kind, value)
  JOIN v_ids ON v_ids.key = l.video_key
  ON CONFLICT ("videoId", key) DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value, "updatedAt" = now()
  WHERE ("Label".kind, "Label".value) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.value)
  RETURNING (xmax = 0) AS inserted
),
q_up AS (
  INSERT INTO "Question" ("datasetId", "videoId", "templateId", key, kind, text, targets, split)
  SELECT $1, v_ids.id, q.template_id, q.key, q.kind, q.text, q.targets::jsonb, v_in.split
  FROM unnest($12::text[], $13::text[], $14::int[], $15::text[], $16::text[], $17::text[])
    AS q(video_key, key, template_id, kind, text, targets)
  JOIN v_ids ON v_ids.key = q.video_key
  JOIN v_in ON v_in.key = q.video_key
  ON CONFLICT ("videoId", key) DO UPDATE SET
    "templateId" = EXCLUDED."templateId", kind = EXCLUDED.kind, text = EXCLUDED.text,
    targets = EXCLUDED.targets, split = EXCLUDED.split, "updatedAt" = now()
  WHERE ("Question"."templateId", "Question".kind, "Question".text, "Question".targets, "Question".split)
        IS DISTINCT FROM (EXCLUDED."templateId", EXCLUDED.kind, EXCLUDED.text, EXCLUDED.targets, EXCLUDED.split)
  RETURNING (xmax = 0) AS inserted
)
SELECT
  (SELECT count(*) FILTER (WHERE inserted) FROM v_up)::int AS videos_created,
  (SELECT count(*) FILTER (WHERE NOT inserted) FROM v_up)::int AS videos_updated,
  (SELECT count(*) FILTER (WHERE inserted) FROM l_up)::int AS labels_created,
  (SELECT count(*) FILTER (WHERE NOT inserted) FROM l_up)::int AS labels_updated,
  (SELECT count(*) FILTER (WHERE inserted) FROM q_up)::int AS questions_created,
  (SELECT count(*) FILTER (WHERE NOT inserted) FROM q_up)::int AS questions_updated
`;

export interface WriteContext {
  datasetId: number;
  /** Prefix of every media path of this import inside the media store ("" for its root). */
  mediaPrefix: string;
  /** QuestionTemplate ids by key, for Question.templateId. */
  templateIds: ReadonlyMap<string, number>;
}

interface BatchArrays {
  videos: { key: string[]; split: (string | null)[]; source: (string | null)[]; start: (number | null)[]; end: (number | null)[]; metadata: string[] };
  /** Labels and questions name their video by its position in `videos` (`index`) and by key. */
  labels: { index: number[]; video: string[]; key: string[]; kind: string[]; value: string[] };
  questions: { index: number[]; video: string[]; key: string[]; template: (number | null)[]; kind: string[]; text: string[]; targets: string[]; split: (string | null)[] };
}

function toArrays(items: readonly ImportedItem[], context: WriteContext): BatchArrays {
  const arrays: BatchArrays = {
    videos: { key: [], split: [], source: [], start: [], end: [], metadata: [] },
    labels: { index: [], video: [], key: [], kind: [], value: [] },
    questions: { index: [], video: [], key: [], template: [], kind: [], text: [], targets: [], split: [] },
  };
  const { videos, labels, questions } = arrays;
  items.forEach((item, index) => {
    videos.key.push(item.videoKey);
    videos.split.push(item.split);
    videos.source.push(item.mediaPath === null ? null : storePath(context.mediaPrefix, item.mediaPath));
    videos.start.push(item.clip.startSec);
    videos.end.push(item.clip.endSec);
    videos.metadata.push(JSON.stringify(withStorePaths(item, context.mediaPrefix)));
    // A key twice in one INSERT ... ON CONFLICT DO UPDATE is an error: the last one wins, as it would row by row.
    for (const label of lastByKey(item.labels)) {
      labels.index.push(index);
      labels.video.push(item.videoKey);
      labels.key.push(label.key);
      labels.kind.push(DB_LABEL_KIND[label.kind]);
      labels.value.push(JSON.stringify(label.value));
    }
    for (const question of lastByKey(item.questions)) {
      questions.index.push(index);
      questions.video.push(item.videoKey);
      questions.key.push(question.key);
      questions.template.push(context.templateIds.get(question.templateKey) ?? null);
      questions.kind.push(question.kind);
      questions.text.push(question.text);
      questions.targets.push(JSON.stringify(question.targets));
      questions.split.push(item.split);
    }
  });
  return arrays;
}

/** Upserts a batch of items (within the caller's transaction). Item video keys must be unique. */
export async function writeItemBatch(client: pg.ClientBase, items: readonly ImportedItem[], context: WriteContext): Promise<BatchCounts> {
  if (items.length === 0) return ZERO_COUNTS;
  const { videos, labels, questions } = toArrays(items, context);
  const { rows } = await client.query<CountRow>(UPSERT_BATCH, [
    context.datasetId,
    videos.key, videos.split, videos.source, videos.start, videos.end, videos.metadata,
    labels.video, labels.key, labels.kind, labels.value,
    questions.video, questions.key, questions.template, questions.kind, questions.text, questions.targets,
  ]);
  return countsOf(rows[0]);
}

/**
 * Inserts a batch into a dataset this transaction created, so that no row can exist yet: plain
 * inserts with video ids drawn from the sequence beforehand, so labels and questions need no join.
 * The fast path of a first import (the 545k-row Kinetics file).
 */
export async function insertFreshBatch(client: pg.ClientBase, items: readonly ImportedItem[], context: WriteContext): Promise<BatchCounts> {
  if (items.length === 0) return ZERO_COUNTS;
  const { videos, labels, questions } = toArrays(items, context);
  const { rows: idRows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('"Video"', 'id'))::int AS id FROM generate_series(1, $1::int)`,
    [items.length],
  );
  const ids = idRows.map((row) => row.id);
  const idAt = (index: number) => ids[index] ?? 0;
  const { rows } = await client.query<CountRow>(INSERT_FRESH_BATCH, [
    context.datasetId,
    ids, videos.key, videos.split, videos.source, videos.start, videos.end, videos.metadata,
    labels.index.map(idAt), labels.key, labels.kind, labels.value,
    questions.index.map(idAt), questions.key, questions.template, questions.kind, questions.text, questions.targets, questions.split,
  ]);
  return countsOf(rows[0]);
}

/**
 * For the rest of the transaction, skips the per-row foreign-key triggers, as pg_restore does for
 * bulk loads: half the database's work on a first import. Only for `insertFreshBatch` into a
 * dataset this transaction created, whose references are right by construction (the dataset row
 * and the templates were written in this transaction, video ids drawn from the sequence in it).
 * Needs a superuser (the embedded server) or the SET privilege on session_replication_role;
 * without it the checks simply stay on. Ends with the transaction (SET LOCAL).
 */
export async function skipReferenceChecks(client: pg.ClientBase): Promise<boolean> {
  await client.query("SAVEPOINT skip_reference_checks");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT skip_reference_checks");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT skip_reference_checks");
    return false;
  }
}

const INSERT_FRESH_BATCH = `
WITH v AS (
  INSERT INTO "Video" (id, "datasetId", key, split, "sourcePath", "clipStartSec", "clipEndSec", metadata)
  SELECT id, $1, key, split, source_path, clip_start, clip_end, metadata::jsonb
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[])
    AS t(id, key, split, source_path, clip_start, clip_end, metadata)
  RETURNING 1
),
l AS (
  INSERT INTO "Label" ("videoId", key, kind, value)
  SELECT video_id, key, kind, value::jsonb
  FROM unnest($9::int[], $10::text[], $11::"LabelKind"[], $12::text[]) AS t(video_id, key, kind, value)
  RETURNING 1
),
q AS (
  INSERT INTO "Question" ("datasetId", "videoId", "templateId", key, kind, text, targets, split)
  SELECT $1, video_id, template_id, key, kind, text, targets::jsonb, split
  FROM unnest($13::int[], $14::text[], $15::int[], $16::text[], $17::text[], $18::text[], $19::text[])
    AS t(video_id, key, template_id, kind, text, targets, split)
  RETURNING 1
)
SELECT (SELECT count(*) FROM v)::int AS videos_created, 0 AS videos_updated,
       (SELECT count(*) FROM l)::int AS labels_created, 0 AS labels_updated,
       (SELECT count(*) FROM q)::int AS questions_created, 0 AS questions_updated
`;

interface CountRow {
  videos_created: number;
  videos_updated: number;
  labels_created: number;
  labels_updated: number;
  questions_created: number;
  questions_updated: number;
}

function countsOf(row: CountRow | undefined): BatchCounts {
  if (row === undefined) return ZERO_COUNTS;
  return {
    videosCreated: row.videos_created,
    videosUpdated: row.videos_updated,
    labelsCreated: row.labels_created,
    labelsUpdated: row.labels_updated,
    questionsCreated: row.questions_created,
    questionsUpdated: row.questions_updated,
  };
}

/** A media path of the import (relative to its media root) as a path in the media store. */
export function storePath(mediaPrefix: string, mediaPath: string): string {
  return mediaPrefix === "" ? mediaPath : `${mediaPrefix}/${mediaPath}`;
}

/** FineDiving's frame folder is a media path too: stored relative to the media store like the rest. */
function withStorePaths(item: ImportedItem, mediaPrefix: string): Record<string, unknown> {
  const frameDir = item.metadata.frameDir;
  if (typeof frameDir !== "string" || mediaPrefix === "") return item.metadata;
  return { ...item.metadata, frameDir: storePath(mediaPrefix, frameDir) };
}

function lastByKey<T extends { key: string }>(entries: readonly T[]): T[] {
  if (entries.length < 2) return [...entries];
  return [...new Map(entries.map((entry) => [entry.key, entry])).values()];
}
