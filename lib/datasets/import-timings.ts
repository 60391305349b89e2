/**
 * Where an import's time went, in milliseconds of wall clock. The database writes one batch while
 * the next is read: `writeWaitMs` is the part of its work this process waited for, and `stageMs`
 * plus `mergeMs` are all of it (so they overlap with reading).
 */
export interface ImportTimings {
  /** Reading and tokenising the source (the CSV reader), for formats that time it apart; else 0. */
  parseMs: number;
  /** Checking records and building items (for formats that do not time parsing apart: all reading). */
  validateMs: number;
  /** Encoding items as COPY rows for the staging tables. */
  encodeMs: number;
  /** Waiting for the database to finish staging and merging batches. */
  writeWaitMs: number;
  /** The database copying batches into the staging tables (an existing dataset). */
  stageMs: number;
  /**
   * A new dataset: the database copying batches straight into Video, Label and Question — each
   * with its index updates and foreign-key checks, which run within the COPY.
   */
  copyVideosMs: number;
  copyLabelsMs: number;
  copyQuestionsMs: number;
  /** The database merging staged batches into Video, Label and Question. */
  mergeMs: number;
  commitMs: number;
}

export const ZERO_TIMINGS: ImportTimings = {
  parseMs: 0,
  validateMs: 0,
  encodeMs: 0,
  writeWaitMs: 0,
  stageMs: 0,
  copyVideosMs: 0,
  copyLabelsMs: 0,
  copyQuestionsMs: 0,
  mergeMs: 0,
  commitMs: 0,
};

/** Accumulates time by stage. `since` is a `performance.now()` reading; `add` returns the next one. */
export class ImportClock {
  private readonly totals: ImportTimings = { ...ZERO_TIMINGS };
  /** Time spent inside parsers' source readers (see `timedSource`). */
  sourceMs = 0;

  add(stage: keyof ImportTimings, since: number): number {
    const now = performance.now();
    this.totals[stage] += now - since;
    return now;
  }

  /** The totals; reading time not spent in a source reader counts as validation. */
  timings(readMs: number): ImportTimings {
    return { ...this.totals, parseMs: this.sourceMs, validateMs: Math.max(0, readMs - this.sourceMs) };
  }
}

/** Passes a parser's source through, adding the time spent waiting on it to `clock.sourceMs`. */
export async function* timedSource<T>(source: AsyncIterable<T>, clock: ImportClock | undefined): AsyncGenerator<T> {
  if (clock === undefined) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      clock.sourceMs += performance.now() - started;
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
