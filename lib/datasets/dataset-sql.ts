import type pg from "pg";
import { DB_FORMAT, type DbDatasetFormat } from "./import-options";
import type { DatasetFormat, QuestionTemplate } from "./types";

/** Statements an import runs inside its transaction (through `pg`, so they roll back with it). */

export interface DatasetIdentity {
  id: number;
  format: DbDatasetFormat;
  created: boolean;
  /** The import still creating it (hidden until then); null for a visible dataset. */
  pendingImportId: number | null;
}

export interface NewDataset {
  name: string;
  format: DatasetFormat;
  description?: string | undefined;
  mediaPrefix: string;
  isDemo: boolean;
  createdById: string | null;
  /** Made hidden, as being created by this import (see `revealDataset`); null: visible at once (when its transaction commits). */
  pendingImportId: number | null;
}

/** The dataset of this name, made when missing (its settings then come from this import). */
export async function findOrCreateDataset(client: pg.ClientBase, dataset: NewDataset): Promise<DatasetIdentity> {
  const inserted = await client.query<{ id: number; format: DbDatasetFormat }>(
    `INSERT INTO "Dataset" (name, format, description, "mediaPrefix", "isDemo", "createdById", "pendingImportId")
     VALUES ($1, $2::"DatasetFormat", $3, $4, $5, $6, $7)
     ON CONFLICT (name) DO NOTHING
     RETURNING id, format`,
    [
      dataset.name,
      DB_FORMAT[dataset.format],
      dataset.description ?? "",
      dataset.mediaPrefix,
      dataset.isDemo,
      dataset.createdById,
      dataset.pendingImportId,
    ],
  );
  const created = inserted.rows[0];
  if (created) return { ...created, created: true, pendingImportId: dataset.pendingImportId };
  const existing = await client.query<{ id: number; format: DbDatasetFormat; pendingImportId: number | null }>(
    `SELECT id, format, "pendingImportId" FROM "Dataset" WHERE name = $1`,
    [dataset.name],
  );
  const row = existing.rows[0];
  if (!row) throw new Error(`dataset "${dataset.name}" vanished while importing`);
  return { ...row, created: false };
}

/**
 * Makes a dataset created hidden by `importId` visible, if that import is still running (not
 * cancelled meanwhile); false otherwise.
 */
export async function revealDataset(client: pg.ClientBase, datasetId: number, importId: number): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE "Dataset" SET "pendingImportId" = NULL
      WHERE id = $1 AND "pendingImportId" = $2
        AND EXISTS (SELECT 1 FROM "DatasetImport" WHERE id = $2 AND status = 'RUNNING')`,
    [datasetId, importId],
  );
  return rowCount === 1;
}

/**
 * Deletes what imports that ended without finishing left behind: the hidden datasets of `importId`
 * (a failed attempt, or one killed before it ended) and of every import no longer queued or running
 * (a worker killed mid-import, its import cancelled or abandoned since). Their videos, labels and
 * questions go with them (cascade). The number of datasets deleted.
 */
export async function deleteUnfinishedDatasets(client: pg.ClientBase | pg.Pool, importId: number): Promise<number> {
  const { rowCount } = await client.query(
    `DELETE FROM "Dataset" d
      WHERE d."pendingImportId" = $1
         OR (d."pendingImportId" IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM "DatasetImport" i WHERE i.id = d."pendingImportId" AND i.status IN ('QUEUED', 'RUNNING')))`,
    [importId],
  );
  return rowCount ?? 0;
}

/** Adds the templates the dataset lacks (by key); edited ones are kept as they are. */
export async function ensureTemplates(client: pg.ClientBase, datasetId: number, templates: readonly QuestionTemplate[]): Promise<void> {
  if (templates.length === 0) return;
  await client.query(
    `INSERT INTO "QuestionTemplate" ("datasetId", key, kind, text)
     SELECT $1, key, kind, text FROM unnest($2::text[], $3::text[], $4::text[]) AS t(key, kind, text)
     ON CONFLICT ("datasetId", key) DO NOTHING`,
    [datasetId, templates.map((t) => t.key), templates.map((t) => t.kind), templates.map((t) => t.text)],
  );
}

export async function datasetTemplates(client: pg.ClientBase, datasetId: number): Promise<(QuestionTemplate & { id: number })[]> {
  const { rows } = await client.query<QuestionTemplate & { id: number }>(
    `SELECT id, key, kind, text FROM "QuestionTemplate" WHERE "datasetId" = $1 ORDER BY key`,
    [datasetId],
  );
  return rows;
}
