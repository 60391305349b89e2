import type { ImportClock } from "./import-timings";
import { addCounts, ZERO_COUNTS, type BatchCounts, type ImportWriter } from "./import-writer";
import { BatchStager, DirectStager, type WriteContext } from "./staged-batch";
import type { ImportedItem } from "./types";

/** A batch is sent when it holds this many videos or rows (videos + labels + questions). */
const BATCH_VIDEOS = 10_000;
const BATCH_ROWS = 40_000;

/**
 * Writes batches while the next one is being read: items are encoded as they arrive, and a full
 * batch is handed to the database once the previous one is done. At most one batch is in flight
 * and one being filled, so reading (this process) and writing (the database) overlap with
 * bounded memory.
 */
export class PipelinedWriter {
  counts: BatchCounts = ZERO_COUNTS;
  private inFlight: Promise<void> | null = null;
  private failure: unknown = null;

  private constructor(
    private readonly writer: ImportWriter,
    private readonly stager: BatchStager | DirectStager,
    private readonly clock: ImportClock,
  ) {}

  static async open(writer: ImportWriter, context: WriteContext, clock: ImportClock): Promise<PipelinedWriter> {
    if (writer.writeMode === "existing") return new PipelinedWriter(writer, new BatchStager(context), clock);
    const stager = new DirectStager(context, writer.dataset);
    stager.provideIds(await writer.reserveVideoIds(BATCH_VIDEOS));
    return new PipelinedWriter(writer, stager, clock);
  }

  /** Stages one item; true when the batch is full and should be flushed. */
  add(item: ImportedItem): boolean {
    const encoding = performance.now();
    this.stager.add(item);
    this.clock.add("encodeMs", encoding);
    return this.stager.videoCount >= BATCH_VIDEOS || this.stager.rowCount >= BATCH_ROWS;
  }

  /** Sends the staged rows once the batch before them is written; `last`: no batch follows (no ids to reserve). */
  async flush(last = false): Promise<void> {
    await this.drain();
    const batch = this.stager.take();
    if (batch.videoCount === 0) return;
    // The next batch's video ids, asked for ahead of this batch's COPY on the same connection: one round trip.
    const stager = this.stager;
    const reserved = stager instanceof DirectStager && !last ? this.writer.reserveVideoIds(BATCH_VIDEOS - stager.idsLeft) : null;
    this.inFlight = this.writer.write(batch).then(
      (counts) => {
        this.counts = addCounts(this.counts, counts);
      },
      (error: unknown) => {
        this.failure = error;
      },
    );
    if (reserved !== null && stager instanceof DirectStager) stager.provideIds(await reserved);
  }

  /** Drops the staged rows (the import is rejected: nothing more will be written). */
  discard(): void {
    this.stager.take();
  }

  /** Waits for the batch in flight; rethrows its error. */
  async drain(): Promise<void> {
    const waiting = performance.now();
    if (this.inFlight !== null) await this.inFlight;
    this.inFlight = null;
    this.clock.add("writeWaitMs", waiting);
    if (this.failure !== null) throw this.failure;
  }
}
