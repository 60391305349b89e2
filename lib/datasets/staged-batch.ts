import { CopyBuffer } from "./copy-buffer";
import { copyJson, copyNullableText, copyNumber, copyText, COPY_NULL } from "./copy-text";
import type { ImportedItem, LabelKind } from "./types";

export interface WriteContext {
  /** Prefix of every media path of this import inside the media store ("" for its root). */
  mediaPrefix: string;
  /** QuestionTemplate ids by key, for Question.templateId. */
  templateIds: ReadonlyMap<string, number>;
}

/**
 * A batch of items as COPY text (UTF-8): for the three staging tables (`import-staging.ts`), or,
 * from a `DirectStager`, for Video, Label and Question themselves.
 */
export interface StagedBatch {
  videoCount: number;
  videos: Buffer[];
  labels: Buffer[];
  questions: Buffer[];
}

const DB_LABEL_KIND: Record<LabelKind, string> = {
  class: "CLASS",
  float: "FLOAT",
  bbox: "BBOX",
  interval: "INTERVAL",
  timestamp: "TIMESTAMP",
  sequence: "SEQUENCE",
  caption: "CAPTION",
  same: "SAME",
  dive: "DIVE",
};

/**
 * Encodes items as staging rows, one at a time, so that an item is garbage as soon as it is
 * encoded. Videos are numbered across batches (`ord`) so that ids follow the order of the file;
 * labels and questions name their video by key.
 */
export class BatchStager {
  private readonly videos = new CopyBuffer();
  private readonly labels = new CopyBuffer();
  private readonly questions = new CopyBuffer();
  private ordinal = 0;
  /** Videos staged since the last `take`. */
  videoCount = 0;
  /** Rows (videos, labels and questions) staged since the last `take`. */
  rowCount = 0;

  constructor(private readonly context: WriteContext) {}

  add(item: ImportedItem): void {
    const { mediaPrefix, templateIds } = this.context;
    const videoKey = copyText(item.videoKey);
    const split = copyNullableText(item.split);
    const source = item.mediaPath === null ? COPY_NULL : copyText(storePath(mediaPrefix, item.mediaPath));
    const metadata = copyJson(withStorePaths(item, mediaPrefix));
    this.videos.write(
      `${this.ordinal}\t${videoKey}\t${split}\t${source}\t${copyNumber(item.clip.startSec)}\t${copyNumber(item.clip.endSec)}\t${metadata}\n`,
    );
    this.ordinal += 1;
    this.videoCount += 1;
    this.rowCount += 1;
    // A key twice in one INSERT ... ON CONFLICT DO UPDATE is an error: the last one wins, as it would row by row.
    for (const label of lastByKey(item.labels)) {
      this.labels.write(`${videoKey}\t${copyText(label.key)}\t${DB_LABEL_KIND[label.kind]}\t${copyJson(label.value)}\n`);
      this.rowCount += 1;
    }
    for (const question of lastByKey(item.questions)) {
      const templateId = templateIds.get(question.templateKey) ?? null;
      this.questions.write(
        `${videoKey}\t${copyText(question.key)}\t${copyNumber(templateId)}\t${copyText(question.kind)}\t` +
          `${copyText(question.text)}\t${copyJson(question.targets)}\t${split}\n`,
      );
      this.rowCount += 1;
    }
  }

  /** The rows staged since the last call. */
  take(): StagedBatch {
    const batch = { videoCount: this.videoCount, videos: this.videos.take(), labels: this.labels.take(), questions: this.questions.take() };
    this.videoCount = 0;
    this.rowCount = 0;
    return batch;
  }
}

/**
 * Encodes items as rows of Video, Label and Question themselves, for a dataset this transaction
 * created (nothing else can see it or conflict with it): COPY'd straight into the tables, no
 * staging table and no merge. Video ids are reserved from the table's sequence beforehand
 * (`provideIds`), ascending, so ids still follow the order of the file; labels and questions
 * take theirs from the table's default.
 */
export class DirectStager {
  private readonly videos = new CopyBuffer();
  private readonly labels = new CopyBuffer();
  private readonly questions = new CopyBuffer();
  private ids: number[] = [];
  private nextId = 0;
  private readonly datasetId: string;
  videoCount = 0;
  rowCount = 0;

  constructor(
    private readonly context: WriteContext,
    datasetId: number,
  ) {
    this.datasetId = String(datasetId);
  }

  /** Video ids still unused. */
  get idsLeft(): number {
    return this.ids.length - this.nextId;
  }

  /** Adds reserved video ids (ascending, all greater than those given before). */
  provideIds(ids: readonly number[]): void {
    this.ids = [...this.ids.slice(this.nextId), ...ids];
    this.nextId = 0;
  }

  add(item: ImportedItem): void {
    const { mediaPrefix, templateIds } = this.context;
    if (this.nextId >= this.ids.length) throw new Error("no reserved video id left for the batch");
    const videoKey = copyText(item.videoKey);
    const split = copyNullableText(item.split);
    const source = item.mediaPath === null ? COPY_NULL : copyText(storePath(mediaPrefix, item.mediaPath));
    const metadata = copyJson(withStorePaths(item, mediaPrefix));
    // Encoded before anything is written, so that text the database cannot store leaves the batch as it was.
    const labels = lastByKey(item.labels).map(
      (label) => `\t${copyText(label.key)}\t${DB_LABEL_KIND[label.kind]}\t${copyJson(label.value)}\n`,
    );
    const questions = lastByKey(item.questions).map(
      (question) =>
        `\t${copyNumber(templateIds.get(question.templateKey) ?? null)}\t${copyText(question.key)}\t${copyText(question.kind)}\t` +
        `${copyText(question.text)}\t${copyJson(question.targets)}\t${split}\n`,
    );
    const id = String(this.ids[this.nextId]);
    this.nextId += 1;
    this.videos.write(
      `${id}\t${this.datasetId}\t${videoKey}\t${split}\t${source}\t${copyNumber(item.clip.startSec)}\t${copyNumber(item.clip.endSec)}\t${metadata}\n`,
    );
    for (const label of labels) this.labels.write(id + label);
    for (const question of questions) this.questions.write(`${this.datasetId}\t${id}${question}`);
    this.videoCount += 1;
    this.rowCount += 1 + labels.length + questions.length;
  }

  take(): StagedBatch {
    const batch = { videoCount: this.videoCount, videos: this.videos.take(), labels: this.labels.take(), questions: this.questions.take() };
    this.videoCount = 0;
    this.rowCount = 0;
    return batch;
  }
}

/** A media path of the import (relative to its media root) as a path in the media store. */
function storePath(mediaPrefix: string, mediaPath: string): string {
  return mediaPrefix === "" ? mediaPath : `${mediaPrefix}/${mediaPath}`;
}

/** FineDiving's frame folder is a media path too: stored relative to the media store like the rest. */
function withStorePaths(item: ImportedItem, mediaPrefix: string): Record<string, unknown> {
  const frameDir = item.metadata.frameDir;
  if (typeof frameDir !== "string" || mediaPrefix === "") return item.metadata;
  return { ...item.metadata, frameDir: storePath(mediaPrefix, frameDir) };
}

function lastByKey<T extends { key: string }>(entries: readonly T[]): readonly T[] {
  if (entries.length < 2) return entries;
  return [...new Map(entries.map((entry) => [entry.key, entry])).values()];
}
