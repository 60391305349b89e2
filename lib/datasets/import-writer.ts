import type pg from "pg";
import { createStaging, loadStaging } from "./import-staging";
import type { ImportClock } from "./import-timings";
import { INSERT_NEW, UPSERT, type MergeCountRow } from "./merge-sql";
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
 * Writes staged batches into one dataset, within the caller's transaction: each batch is COPY'd
 * into the staging tables, then merged by one statement. Bulk writes without any privilege beyond
 * INSERT/UPDATE on the tables and TEMPORARY on the database; foreign keys and triggers stay on.
 */
export class ImportWriter {
  private constructor(
    private readonly client: pg.ClientBase,
    private readonly datasetId: number,
    private readonly mode: WriteMode,
    private readonly clock: ImportClock | undefined,
  ) {}

  static async open(client: pg.ClientBase, datasetId: number, mode: WriteMode, clock?: ImportClock): Promise<ImportWriter> {
    await createStaging(client);
    return new ImportWriter(client, datasetId, mode, clock);
  }

  async write(batch: StagedBatch): Promise<BatchCounts> {
    if (batch.videoCount === 0) return ZERO_COUNTS;
    let since = performance.now();
    await loadStaging(this.client, batch);
    since = this.clock?.add("stageMs", since) ?? since;
    const { rows } = await this.client.query<MergeCountRow>(this.mode === "new" ? INSERT_NEW : UPSERT, [this.datasetId]);
    this.clock?.add("mergeMs", since);
    return countsOf(rows[0]);
  }
}

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
