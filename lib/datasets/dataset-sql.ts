import type pg from "pg";
import { DB_FORMAT, type DbDatasetFormat } from "./import-options";
import type { DatasetFormat, QuestionTemplate } from "./types";

/** Statements an import runs inside its transaction (through `pg`, so they roll back with it). */

export interface DatasetIdentity {
  id: number;
  format: DbDatasetFormat;
  created: boolean;
}

export interface NewDataset {
  name: string;
  format: DatasetFormat;
  description?: string | undefined;
  mediaPrefix: string;
  isDemo: boolean;
  createdById: string | null;
}

/** The dataset of this name, made when missing (its settings then come from this import). */
export async function findOrCreateDataset(client: pg.ClientBase, dataset: NewDataset): Promise<DatasetIdentity> {
  const inserted = await client.query<{ id: number; format: DbDatasetFormat }>(
    `INSERT INTO "Dataset" (name, format, description, "mediaPrefix", "isDemo", "createdById")
     VALUES ($1, $2::"DatasetFormat", $3, $4, $5, $6)
     ON CONFLICT (name) DO NOTHING
     RETURNING id, format`,
    [dataset.name, DB_FORMAT[dataset.format], dataset.description ?? "", dataset.mediaPrefix, dataset.isDemo, dataset.createdById],
  );
  const created = inserted.rows[0];
  if (created) return { ...created, created: true };
  const existing = await client.query<{ id: number; format: DbDatasetFormat }>(`SELECT id, format FROM "Dataset" WHERE name = $1`, [
    dataset.name,
  ]);
  const row = existing.rows[0];
  if (!row) throw new Error(`dataset "${dataset.name}" vanished while importing`);
  return { ...row, created: false };
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
