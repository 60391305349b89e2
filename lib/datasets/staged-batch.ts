import { CopyBuffer } from "./copy-buffer";
import { copyJson, copyNullableText, copyNumber, copyText, COPY_NULL } from "./copy-text";
import type { ImportedItem, LabelKind } from "./types";

export interface WriteContext {
  /** Prefix of every media path of this import inside the media store ("" for its root). */
  mediaPrefix: string;
  /** QuestionTemplate ids by key, for Question.templateId. */
  templateIds: ReadonlyMap<string, number>;
}

/** A batch of items as COPY text (UTF-8) for the three staging tables (`import-staging.ts`). */
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
