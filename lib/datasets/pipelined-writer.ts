import type { ImportClock } from "./import-timings";
import { addCounts, ZERO_COUNTS, type BatchCounts, type ImportWriter } from "./import-writer";
import { BatchStager, DirectStager, type WriteContext } from "./staged-batch";
import type { ImportedItem } from "./types";

/** A batch is sent when it holds this many videos or rows (videos + labels + questions). */
const BATCH_VIDEOS = 10_000;
const BATCH_ROWS = 40_000;

/** One connection writing batches, at most one at a time. */
interface Lane {
  writer: ImportWriter;
  inFlight: Promise<void> | null;
}

/**
 * Writes batches while the next one is being read: items are encoded as they arrive, and a full
 * batch is handed to the database once the previous one on its connection is done. With several
 * writers (each its own connection and transaction: a new dataset's rows, `DirectStager`), batches
 * go to them in turn, so that as many PostgreSQL backends work at once. At most one batch in
 * flight per writer and one being filled: reading (this process) and writing (the database)
 * overlap with bounded memory.
 */
export class PipelinedWriter {
  counts: BatchCounts = ZERO_COUNTS;
  private failure: unknown = null;
  private next = 0;

  private constructor(
    private readonly lanes: Lane[],
    private readonly stager: BatchStager | DirectStager,
    private readonly clock: ImportClock,
  ) {}

  /** Several writers only into a new dataset (`"new"` mode): an existing one is merged on one connection. */
  static async open(writers: readonly ImportWriter[], context: WriteContext, clock: ImportClock): Promise<PipelinedWriter> {
    const [first] = writers;
    if (first === undefined) throw new Error("no writer to write with");
    const lanes = writers.map((writer): Lane => ({ writer, inFlight: null }));
    if (first.writeMode === "existing") {
      if (writers.length > 1) throw new Error("an existing dataset is merged on one connection");
      return new PipelinedWriter(lanes, new BatchStager(context), clock);
    }
    const stager = new DirectStager(context, first.dataset);
    stager.provideIds(await first.reserveVideoIds(BATCH_VIDEOS));
    return new PipelinedWriter(lanes, stager, clock);
  }

  /** Stages one item; true when the batch is full and should be flushed. */
  add(item: ImportedItem): boolean {
    const encoding = performance.now();
    this.stager.add(item);
    this.clock.add("encodeMs", encoding);
    return this.stager.videoCount >= BATCH_VIDEOS || this.stager.rowCount >= BATCH_ROWS;
  }

  /** Sends the staged rows once the next writer's batch before them is written; `last`: no batch follows (no ids to reserve). */
  async flush(last = false): Promise<void> {
    const lane = this.lanes[this.next % this.lanes.length] as Lane;
    this.next += 1;
    await this.wait([lane]);
    const batch = this.stager.take();
    if (batch.videoCount === 0) return;
    // The next batch's video ids, asked for ahead of this batch's COPY on the same connection: one round trip.
    const stager = this.stager;
    const reserved = stager instanceof DirectStager && !last ? lane.writer.reserveVideoIds(BATCH_VIDEOS - stager.idsLeft) : null;
    lane.inFlight = lane.writer.write(batch).then(
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

  /** Waits for every batch in flight; rethrows the first error of any. */
  async drain(): Promise<void> {
    await this.wait(this.lanes);
  }

  private async wait(lanes: readonly Lane[]): Promise<void> {
    const waiting = performance.now();
    for (const lane of lanes) {
      if (lane.inFlight !== null) await lane.inFlight;
      lane.inFlight = null;
    }
    this.clock.add("writeWaitMs", waiting);
    if (this.failure !== null) throw this.failure;
  }
}
