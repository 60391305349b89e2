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
  ) {}

  static async open(client: pg.ClientBase, datasetId: number, mode: WriteMode, clock?: ImportClock): Promise<ImportWriter> {
    if (mode === "existing") await createStaging(client);
    return new ImportWriter(client, datasetId, mode, clock);
  }

  get writeMode(): WriteMode {
    return this.mode;
  }

  get dataset(): number {
    return this.datasetId;
  }

  /**
   * `count` new Video ids, ascending, taken from the table's sequence (what a plain INSERT would
   * have used; a rolled-back import leaves a gap, as it always did).
   */
  async reserveVideoIds(count: number): Promise<number[]> {
    if (count <= 0) return [];
    const { rows } = await this.client.query<{ id: number }>({
      text: `SELECT nextval(pg_get_serial_sequence('"Video"', 'id'))::int AS id FROM generate_series(1, $1) ORDER BY 1`,
      values: [count],
    });
    return rows.map((row) => row.id);
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
