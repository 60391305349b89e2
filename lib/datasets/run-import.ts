import path from "node:path";
import type pg from "pg";
import { mediaRoot } from "@/lib/config/media-root";
import { pool } from "@/lib/db/pool";
import { importFileName, withoutImportRoots } from "./paths";
import { UnstorableTextError } from "./copy-text";
import {
  datasetTemplates,
  deleteUnfinishedDatasets,
  ensureTemplates,
  findOrCreateDataset,
  revealDataset,
  type DatasetIdentity,
} from "./dataset-sql";
import { FatalImportError, ImportErrorCollector } from "./errors";
import { readGenericMapping, genericTemplates, type GenericMapping } from "./generic/mapping";
import { parseDatasetBatches, type ImportSpec } from "./import";
import { DB_FORMAT, importOptionsSchema, toImportSpec, type ImportOptions } from "./import-options";
import {
  findImport,
  finishImport,
  markImportRunning,
  setImportProgress,
  wasCancelled,
  type ImportResult,
  type StoredImportProblem,
} from "./import-repository";
import { ImportClock, ZERO_TIMINGS, type ImportTimings } from "./import-timings";
import { ImportWriter, ZERO_COUNTS, type BatchCounts } from "./import-writer";
import { PipelinedWriter } from "./pipelined-writer";
import type { WriteContext } from "./staged-batch";
import { defaultTemplates } from "./templates/defaults";
import type { ImportedItem, QuestionTemplate } from "./types";

interface ImportProgress {
  recordsRead: number;
  counts: BatchCounts;
}

export interface ImportOutcome extends ImportResult {
  counts: BatchCounts;
  warningCount: number;
  /** Where this run's time went (zeros for an import that had already finished). */
  timings: ImportTimings;
}

export interface RunImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Stops the import between batches (it then rolls back and throws). */
  signal?: AbortSignal;
  /** How often the DatasetImport row's progress is written; default 1 s. */
  progressIntervalMs?: number;
}

/**
 * Runs one requested import (a DatasetImport row) all-or-nothing. Items are validated and written
 * in the same streaming pass: the first error stops the writing, the rest of the file is still read
 * so that every problem is reported (100 kept, all counted), and the writes are rolled back — a
 * rejected file leaves nothing behind. Into an existing dataset, one transaction; a new dataset is
 * created hidden and written on several connections (one transaction each), then revealed once all
 * have committed — or deleted, when the import fails (or, killed, when it is run again). Writes
 * are upserts on the invariant keys, so running it again (a retried job, a re-imported file) adds
 * nothing.
 * Idempotent on the row too: a finished import returns its stored result.
 */
export async function runImport(importId: number, options: RunImportOptions = {}): Promise<ImportOutcome> {
  const row = await findImport(importId);
  if (row === null) throw new Error(`import ${importId} does not exist`);
  if (isFinal(row)) return storedOutcome(row);
  const parsedOptions = importOptionsSchema.safeParse(row.options);
  if (!parsedOptions.success) {
    await finishImport(importId, failedResult(row.sourceName, { recordsRead: 0 }, parsedOptions.error));
    throw parsedOptions.error;
  }
  const importOptions = parsedOptions.data;
  if (!(await markImportRunning(importId))) return storedOutcome(await requireImport(importId));

  // Aborted by the caller (a stopping worker, Ctrl-C) or by a cancellation the progress reporter notices.
  // Both are checked between batches (no listener on the caller's long-lived signal).
  const cancellation = new AbortController();
  const throwIfStopped = () => {
    options.signal?.throwIfAborted();
    cancellation.signal.throwIfAborted();
  };
  const errors = new ImportErrorCollector();
  const clock = new ImportClock();
  const connections = new ImportConnections();
  let state: RunState = { recordsRead: 0, counts: ZERO_COUNTS, datasetId: null, readMs: 0 };
  let hiddenDatasetId: number | null = null;
  try {
    const main = await connections.main();
    // What an earlier attempt of this import left (killed before it ended), and imports that will not come back.
    await deleteUnfinishedDatasets(main, importId);
    const run = { ...options, throwIfStopped, onCancelled: () => cancellation.abort(new Error("the import was cancelled")) };
    const dataset = await findOrCreateDataset(main, {
      name: importOptions.datasetName,
      format: importOptions.format,
      description: importOptions.description,
      mediaPrefix: importOptions.mediaPrefix,
      isDemo: importOptions.isDemo,
      createdById: row.createdById,
      pendingImportId: importId,
    });
    if (dataset.created) hiddenDatasetId = dataset.id;
    state = await importDataset(connections, dataset, importId, importOptions, errors, run, clock);
    const ending = performance.now();
    await connections.end(errors.hasErrors ? "ROLLBACK" : "COMMIT");
    clock.add("commitMs", ending);
    if (hiddenDatasetId !== null && !errors.hasErrors && !(await revealDataset(main, hiddenDatasetId, importId))) {
      cancellation.abort(new Error("the import was cancelled"));
      throw cancellation.signal.reason;
    }
    if (errors.hasErrors && hiddenDatasetId !== null) await deleteUnfinishedDatasets(main, importId);
  } catch (error) {
    await connections.end("ROLLBACK").catch(() => {});
    // A new dataset's rows were written by transactions of their own: delete it (best effort — if the
    // database is unreachable, the next import's sweep or a retry of this one does).
    if (hiddenDatasetId !== null) await deleteUnfinishedDatasets(pool(), importId).catch(() => {});
    connections.release();
    await finishImport(importId, failedResult(displayNameOf(importOptions), state, error));
    if (cancellation.signal.aborted) return storedOutcome(await requireImport(importId));
    throw error;
  }
  connections.release();
  const outcome: ImportOutcome = {
    status: errors.hasErrors ? "REJECTED" : "SUCCEEDED",
    datasetId: state.datasetId,
    recordsRead: state.recordsRead,
    videosCreated: errors.hasErrors ? 0 : state.counts.videosCreated,
    questionsCreated: errors.hasErrors ? 0 : state.counts.questionsCreated,
    errorCount: errors.count,
    problems: problemsOf(errors),
    counts: errors.hasErrors ? ZERO_COUNTS : state.counts,
    warningCount: errors.warningCount,
    timings: clock.timings(state.readMs),
  };
  await finishImport(importId, outcome);
  return outcome;
}

/**
 * Ends as FAILED a running import whose job was given up because the workers running it kept
 * dying (each died mid-import, so each attempt's transaction was rolled back: nothing was written).
 */
export async function abandonImport(importId: number, reason: string): Promise<void> {
  const row = await findImport(importId);
  if (row?.status !== "RUNNING") return;
  await finishImport(importId, failedResult(row.sourceName, row, new Error(reason)));
  await deleteUnfinishedDatasets(pool(), importId);
}

/** Finished for good: done, rejected, or cancelled (a failed attempt is retried). */
function isFinal(row: ImportRow): boolean {
  return row.status === "SUCCEEDED" || row.status === "REJECTED" || (row.status === "FAILED" && wasCancelled(row.errors));
}

async function requireImport(importId: number): Promise<ImportRow> {
  const row = await findImport(importId);
  if (row === null) throw new Error(`import ${importId} does not exist`);
  return row;
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

function displayNameOf(options: ImportOptions): string {
  return options.displayName ?? importFileName(options.file);
}

interface RunState {
  recordsRead: number;
  counts: BatchCounts;
  /** The dataset as it stands after the transaction (null when a new dataset was rolled back). */
  datasetId: number | null;
  /** Time spent waiting for the parser's next item (reading and validating). */
  readMs: number;
}

/** Connections to import on: the main one, and more to write a new dataset's rows in parallel. */
class ImportConnections {
  private readonly clients: pg.PoolClient[] = [];
  private inTransaction = false;

  async main(): Promise<pg.PoolClient> {
    if (this.clients[0] === undefined) this.clients.push(await pool().connect());
    return this.clients[0] as pg.PoolClient;
  }

  /** Opens `count` connections in all (the main one first), each in a transaction of its own. */
  async begin(count: number): Promise<pg.PoolClient[]> {
    await this.main();
    while (this.clients.length < count) this.clients.push(await pool().connect());
    await Promise.all(this.clients.map((client) => client.query("BEGIN")));
    this.inTransaction = true;
    return [...this.clients];
  }

  async end(command: "COMMIT" | "ROLLBACK"): Promise<void> {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    // Every connection is told, even when one fails (a failed COMMIT then deletes the dataset whole).
    const ended = await Promise.allSettled(this.clients.map((client) => client.query(command)));
    const failed = ended.find((result) => result.status === "rejected");
    if (failed !== undefined) throw failed.reason;
  }

  release(): void {
    for (const client of this.clients.splice(0)) client.release();
  }
}

/**
 * A new dataset is written on this many connections (IMPORT_CONNECTIONS, default 2), batches in turn:
 * one PostgreSQL backend works on one core, and its per-row work (foreign-key checks, index entries)
 * is most of an import's time.
 */
function newDatasetConnections(): number {
  const configured = Number(process.env.IMPORT_CONNECTIONS ?? 2);
  const wanted = Number.isInteger(configured) && configured >= 1 ? configured : 2;
  // One pool connection is left for the rest (deleting a failed import's dataset): never wait for a connection we hold.
  return Math.max(1, Math.min(wanted, (pool().options.max ?? 10) - 1));
}

async function importDataset(
  connections: ImportConnections,
  dataset: DatasetIdentity,
  importId: number,
  options: ImportOptions,
  errors: ImportErrorCollector,
  run: RunImportOptions & { throwIfStopped: () => void; onCancelled: () => void },
  clock: ImportClock,
): Promise<RunState> {
  const fileName = displayNameOf(options);
  const keptDatasetId = () => (dataset.created && errors.hasErrors ? null : dataset.id);
  if (!dataset.created && dataset.pendingImportId !== null) {
    errors.add({
      file: fileName,
      field: "datasetName",
      reason: `dataset "${options.datasetName}" is being created by another import (#${dataset.pendingImportId}); import into it once that one has finished`,
    });
    return { recordsRead: 0, counts: ZERO_COUNTS, datasetId: null, readMs: 0 };
  }
  const expectedFormat = DB_FORMAT[options.format];
  if (dataset.format !== expectedFormat) {
    errors.add({
      file: fileName,
      field: "format",
      reason: `dataset "${options.datasetName}" holds ${dataset.format} data; this file is ${expectedFormat}`,
    });
    return { recordsRead: 0, counts: ZERO_COUNTS, datasetId: keptDatasetId(), readMs: 0 };
  }

  const mapping = options.format === "generic" ? await loadMapping(options, errors, fileName) : null;
  if (errors.hasErrors) return { recordsRead: 0, counts: ZERO_COUNTS, datasetId: keptDatasetId(), readMs: 0 };
  const newTemplates = mapping ? genericTemplates(mapping) : defaultTemplates(options.format);
  // A new dataset (hidden until the end) gets its templates before its writers start: their
  // transactions check Question.templateId against them. Into an existing dataset, all in one transaction.
  if (dataset.created) await ensureTemplates(await connections.main(), dataset.id, newTemplates);
  const clients = await connections.begin(dataset.created ? newDatasetConnections() : 1);
  const [main] = clients as [pg.PoolClient];
  if (!dataset.created) await ensureTemplates(main, dataset.id, newTemplates);
  const templates = await datasetTemplates(main, dataset.id);

  const spec: ImportSpec = withMapping(toImportSpec(options, path.join(mediaRoot(), options.mediaPrefix)), mapping);
  const context: WriteContext = { mediaPrefix: options.mediaPrefix, templateIds: new Map(templates.map((t) => [t.key, t.id])) };
  // A new dataset is invisible to everyone else until the import reveals it: nothing can conflict, so its
  // batches are COPY'd straight into the tables, on several connections; into an existing dataset,
  // COPY'd into staging tables and merged. Foreign keys and triggers stay on, no privilege needed.
  const writers = await Promise.all(
    clients.map((client) => ImportWriter.open(client, dataset.id, dataset.created ? "new" : "existing", clock)),
  );
  const writer = await PipelinedWriter.open(writers, context, clock);
  const progress = new ProgressReporter(importId, run);
  const batches = parseDatasetBatches(spec, {
    errors,
    clock,
    templates: templates.map(({ key, kind, text }): QuestionTemplate => ({ key, kind, text })),
  });

  let recordsRead = 0;
  let readMs = 0;
  try {
    for (;;) {
      const reading = performance.now();
      const next = await batches.next();
      readMs += performance.now() - reading;
      if (next.done === true) break;
      run.throwIfStopped();
      if (errors.hasErrors) {
        // Nothing more will be written; keep reading to report every problem of the file.
        writer.discard();
      } else {
        for (const item of next.value) {
          if (!addItem(writer, item, errors, fileName)) continue;
          run.throwIfStopped();
          await writer.flush();
        }
      }
      recordsRead += next.value.length;
      void progress.report(recordsRead, writer.counts);
    }
  } finally {
    // Closes the source file when the loop stops early (abort, database error).
    await batches.return(undefined);
  }
  if (!errors.hasErrors) await writer.flush(true);
  await writer.drain();
  await progress.report(recordsRead, writer.counts, true);
  return { recordsRead, counts: writer.counts, datasetId: keptDatasetId(), readMs };
}

/** Stages an item; true when the batch is full. Text the database cannot store rejects the file, naming the record. */
function addItem(writer: PipelinedWriter, item: ImportedItem, errors: ImportErrorCollector, file: string): boolean {
  try {
    return writer.add(item);
  } catch (error) {
    if (!(error instanceof UnstorableTextError)) throw error;
    errors.add({ file, recordKey: item.videoKey, reason: error.message });
    writer.discard();
    return false;
  }
}

/** Writes progress to the DatasetImport row (outside the import's transaction) at most once per interval. */
class ProgressReporter {
  private lastAt = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly importId: number,
    private readonly run: RunImportOptions & { onCancelled: () => void },
  ) {}

  report(recordsRead: number, counts: BatchCounts, final = false): Promise<void> {
    const now = Date.now();
    if (!final && now - this.lastAt < (this.run.progressIntervalMs ?? 1000)) return this.writing;
    this.lastAt = now;
    this.run.onProgress?.({ recordsRead, counts });
    this.writing = this.writing
      .then(async () => {
        if (!(await setImportProgress(this.importId, recordsRead))) this.run.onCancelled();
      })
      .catch(() => {});
    return this.writing;
  }
}

async function loadMapping(options: ImportOptions, errors: ImportErrorCollector, fileName: string): Promise<GenericMapping | null> {
  if (options.mappingFile === undefined) {
    errors.add({ file: fileName, field: "mapping", reason: "a generic import needs a mapping file (column → label type)" });
    return null;
  }
  try {
    return await readGenericMapping(options.mappingFile);
  } catch (error) {
    if (error instanceof FatalImportError) {
      errors.add(error.detail);
      return null;
    }
    throw error;
  }
}

function withMapping(spec: ImportSpec, mapping: GenericMapping | null): ImportSpec {
  if (spec.format !== "generic" || mapping === null) return spec;
  const { mappingFile: _mappingFile, ...rest } = spec;
  return { ...rest, mapping };
}

function problemsOf(errors: ImportErrorCollector): StoredImportProblem[] {
  return [
    ...errors.errors.map((error) => ({ ...error, severity: "error" as const })),
    ...errors.warnings.map((warning) => ({ ...warning, severity: "warning" as const })),
    ...errors.notes.map((note) => ({ ...note, severity: "info" as const })),
  ];
}

function failedResult(fileName: string, state: Pick<RunState, "recordsRead">, error: unknown): ImportResult {
  const reason = withoutImportRoots(error instanceof Error ? error.message : String(error));
  return {
    status: "FAILED",
    datasetId: null,
    recordsRead: state.recordsRead,
    videosCreated: 0,
    questionsCreated: 0,
    errorCount: 1,
    problems: [{ file: fileName, reason: `the import stopped: ${reason}`, severity: "error" }],
  };
}

function storedOutcome(row: ImportRow): ImportOutcome {
  const problems = Array.isArray(row.errors) ? (row.errors as unknown as StoredImportProblem[]) : [];
  return {
    status: row.status as ImportOutcome["status"],
    datasetId: row.datasetId,
    recordsRead: row.recordsRead,
    videosCreated: row.videosCreated,
    questionsCreated: row.questionsCreated,
    errorCount: row.errorCount,
    problems,
    counts: { ...ZERO_COUNTS, videosCreated: row.videosCreated, questionsCreated: row.questionsCreated },
    warningCount: problems.filter((p) => p.severity === "warning").length,
    timings: ZERO_TIMINGS,
  };
}
