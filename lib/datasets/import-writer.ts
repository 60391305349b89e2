import type pg from "pg";
import { copyIn, createStaging, loadStaging } from "./import-staging";
import type { ImportClock } from "./import-timings";
import { UPSERT, type MergeCountRow } from "./merge-sql";
import type { StagedBatch } from "./staged-batch";

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

/** "new": the dataset was created by this transaction (plain inserts); "existing": upserts. */
export type WriteMode = "new" | "existing";

/**
 * Writes batches into one dataset, within the caller's transaction. Into an existing dataset, each
 * batch is COPY'd into the staging tables, then merged by one statement (upserts). Into a dataset
 * this transaction created, batches (from a `DirectStager`) are COPY'd straight into Video, Label
 * and Question. Bulk writes without any privilege beyond INSERT/UPDATE on the tables and TEMPORARY
 * on the database; foreign keys and triggers stay on.
 */
export class ImportWriter {
  private constructor(
    private readonly client: pg.ClientBase,
    private readonly datasetId: number,
    private readonly mode: WriteMode,
    private readonly clock: ImportClock | undefined,
    /** Video.id's sequence (a new dataset's writer reserves video ids from it). */
    private readonly videoIdSequence: string | null,
  ) {}

  static async open(client: pg.ClientBase, datasetId: number, mode: WriteMode, clock?: ImportClock): Promise<ImportWriter> {
    if (mode === "existing") {
      await createStaging(client);
      return new ImportWriter(client, datasetId, mode, clock, null);
    }
    const { rows } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence('"Video"', 'id') AS sequence`);
    return new ImportWriter(client, datasetId, mode, clock, rows[0]?.sequence ?? null);
  }

  get writeMode(): WriteMode {
    return this.mode;
  }

  get dataset(): number {
    return this.datasetId;
  }

  /**
   * `count` new Video ids, ascending, taken from the table's sequence (what a plain INSERT would
   * have used; a rolled-back import leaves a gap, as it always did). Only their range comes back
   * when it has no hole (no other session took one meanwhile), else every id.
   */
  async reserveVideoIds(count: number): Promise<number[]> {
    if (count <= 0) return [];
    if (this.videoIdSequence === null) throw new Error("video ids are reserved only for a new dataset");
    // The sequence is named once (a parameter is converted at bind time): pg_get_serial_sequence
    // evaluated per row cost the database 3 µs a video, more than a tenth of a new dataset's work.
    const { rows } = await this.client.query<{ first: number; n: number; ids: number[] | null }>({
      text: `SELECT min(id)::int AS first, count(*)::int AS n,
                    CASE WHEN max(id) - min(id) + 1 = count(*) THEN NULL ELSE array_agg(id::int ORDER BY id) END AS ids
               FROM (SELECT nextval($2::regclass) AS id FROM generate_series(1, $1)) AS reserved`,
      values: [count, this.videoIdSequence],
    });
    const reserved = rows[0];
    if (reserved === undefined || reserved.n !== count) throw new Error(`reserved ${reserved?.n ?? 0} video ids of ${count}`);
    return reserved.ids ?? Array.from({ length: count }, (_, index) => reserved.first + index);
  }

  async write(batch: StagedBatch): Promise<BatchCounts> {
    if (batch.videoCount === 0) return ZERO_COUNTS;
    let since = performance.now();
    if (this.mode === "new") {
      const videos = await copyIn(this.client, COPY_VIDEOS_DIRECT, batch.videos);
      since = this.clock?.add("copyVideosMs", since) ?? since;
      const labels = await copyIn(this.client, COPY_LABELS_DIRECT, batch.labels);
      since = this.clock?.add("copyLabelsMs", since) ?? since;
      const questions = await copyIn(this.client, COPY_QUESTIONS_DIRECT, batch.questions);
      this.clock?.add("copyQuestionsMs", since);
      return { ...ZERO_COUNTS, videosCreated: videos, labelsCreated: labels, questionsCreated: questions };
    }
    await loadStaging(this.client, batch);
    since = this.clock?.add("stageMs", since) ?? since;
    const { rows } = await this.client.query<MergeCountRow>(UPSERT, [this.datasetId]);
    this.clock?.add("mergeMs", since);
    return countsOf(rows[0]);
  }
}

const COPY_VIDEOS_DIRECT = `COPY "Video" (id, "datasetId", key, split, "sourcePath", "clipStartSec", "clipEndSec", metadata) FROM STDIN`;
const COPY_LABELS_DIRECT = `COPY "Label" ("videoId", key, kind, value) FROM STDIN`;
const COPY_QUESTIONS_DIRECT = `COPY "Question" ("datasetId", "videoId", "templateId", key, kind, text, targets, split) FROM STDIN`;

function countsOf(row: MergeCountRow | undefined): BatchCounts {
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
