/**
 * The statement that moves one staged batch (`import-staging.ts`) into an existing dataset's
 * Video, Label and Question (a new dataset's batches are COPY'd straight in). It takes the
 * dataset id as $1 and returns one row of counts. Foreign keys are checked as usual.
 */

/**
 * Into an existing dataset: upserts on (datasetId, key), (videoId, key), (videoId, key). A staged
 * row equal to the stored one is left alone — found by one unique-index lookup, without the row
 * lock (and its WAL record) that ON CONFLICT DO UPDATE takes even when its WHERE says no — so
 * re-importing the same file writes nothing. A changed source path sends the video back to PENDING
 * for the ingest step. `xmax = 0` tells an inserted row from an updated one.
 *
 * Lookups are correlated subqueries, one unique-index probe per staged row whatever the statistics
 * say. The dataset id reaches them as a column (`dataset_id`), not as the constant $1: statistics
 * taken before this dataset existed make a constant id look like it matches one row, and the
 * (datasetId, split) index then looks as cheap as the unique (datasetId, key) one — a plan that
 * scans the whole dataset for every row. For a column, the planner estimates a dataset's share of
 * Video from the number of datasets instead.
 */
export const UPSERT = `
WITH dataset AS MATERIALIZED (SELECT $1::int AS id),
v_in AS (
  SELECT s.ord, s.key, s.split, s.source_path, s.clip_start, s.clip_end, s.metadata, d.id AS dataset_id,
         (SELECT v.id FROM "Video" v
          WHERE v."datasetId" = d.id AND v.key = s.key
            AND (v.split, v."sourcePath", v."clipStartSec", v."clipEndSec", v.metadata)
                IS NOT DISTINCT FROM (s.split, s.source_path, s.clip_start, s.clip_end, s.metadata)) AS unchanged_id
  FROM pg_temp.import_video s CROSS JOIN dataset d
),
v_up AS (
  INSERT INTO "Video" ("datasetId", key, split, "sourcePath", "clipStartSec", "clipEndSec", metadata)
  SELECT $1, key, split, source_path, clip_start, clip_end, metadata FROM v_in WHERE unchanged_id IS NULL ORDER BY ord
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
  -- Unchanged videos (and any that became equal since v_in looked): their existing id.
  SELECT COALESCE(v_in.unchanged_id, (SELECT v.id FROM "Video" v WHERE v."datasetId" = v_in.dataset_id AND v.key = v_in.key)), v_in.key
  FROM v_in WHERE NOT EXISTS (SELECT 1 FROM v_up WHERE v_up.key = v_in.key)
),
l_up AS (
  INSERT INTO "Label" ("videoId", key, kind, value)
  SELECT i.id, l.key, l.kind, l.value
  FROM pg_temp.import_label l JOIN v_ids i ON i.key = l.video_key
  WHERE NOT COALESCE((SELECT x.kind = l.kind AND x.value = l.value FROM "Label" x WHERE x."videoId" = i.id AND x.key = l.key), false)
  ORDER BY i.id
  ON CONFLICT ("videoId", key) DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value, "updatedAt" = now()
  WHERE ("Label".kind, "Label".value) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.value)
  RETURNING (xmax = 0) AS inserted
),
q_up AS (
  INSERT INTO "Question" ("datasetId", "videoId", "templateId", key, kind, text, targets, split)
  SELECT $1, i.id, q.template_id, q.key, q.kind, q.text, q.targets, q.split
  FROM pg_temp.import_question q JOIN v_ids i ON i.key = q.video_key
  WHERE NOT COALESCE((
    SELECT (x."templateId", x.kind, x.text, x.targets, x.split) IS NOT DISTINCT FROM (q.template_id, q.kind, q.text, q.targets, q.split)
    FROM "Question" x WHERE x."videoId" = i.id AND x.key = q.key), false)
  ORDER BY i.id
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

export interface MergeCountRow {
  videos_created: number;
  videos_updated: number;
  labels_created: number;
  labels_updated: number;
  questions_created: number;
  questions_updated: number;
}
