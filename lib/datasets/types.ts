/**
 * The record stream every importer produces: one `ImportedItem` per video (per STAR clip).
 * The bulk-insert layer consumes these; nothing here touches the database.
 */

/** The label types of the shared contract. */
const TARGET_LABEL_TYPES = ["class", "float", "bbox", "interval", "timestamp", "sequence", "caption", "same"] as const;

/** What is known about a video: the contract's label types, plus a FineDiving dive record. */
const LABEL_KINDS = [...TARGET_LABEL_TYPES, "dive"] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** What an answer must contain, in the shared contract's shapes. */
export type Target =
  | { labelType: "class"; label: string }
  | { labelType: "float"; label: { value: number; name: string } }
  | { labelType: "bbox"; label: { box: [number, number, number, number] } }
  | { labelType: "interval"; label: { start: number; end: number; duration?: number } }
  | { labelType: "timestamp"; label: { time: number; duration?: number } }
  | { labelType: "sequence"; label: { actions: string[] } }
  | { labelType: "caption"; label: string }
  | { labelType: "same"; label: { same: boolean } };

/**
 * A known fact about a video. `key` is stable per video ("class", "dive", "interval:opening a door")
 * so that re-imports upsert on (video, key). `value` follows the contract shape of `kind`, sometimes
 * with descriptive extras (an interval label carries the action it locates, a bbox its object and time).
 */
export interface ImportedLabel {
  key: string;
  kind: LabelKind;
  value: unknown;
}

export interface ImportedQuestion {
  /** Unique per video and stable across re-imports, e.g. "kinetics:activity:0". */
  key: string;
  /** The template the text was rendered from (`QuestionTemplate.key`). */
  templateKey: string;
  text: string;
  targets: Target[];
  /** The template kind, e.g. "activity", "star-when", "aqa-full". */
  kind: string;
}

export interface ImportedItem {
  /** Unique within the dataset, stable across re-imports. */
  videoKey: string;
  /** Relative to the media root: never absolute, never containing "..". */
  mediaPath: string | null;
  split: string | null;
  clip: { startSec: number | null; endSec: number | null };
  metadata: Record<string, unknown>;
  labels: ImportedLabel[];
  questions: ImportedQuestion[];
}

/** One problem found in a source file. At least one of line / recordKey locates it. */
export interface ImportError {
  /** The file's display name (its base name unless the caller names it otherwise). */
  file: string;
  /** 1-based line number, for line-oriented formats (CSV, JSONL) and JSON syntax errors. */
  line?: number;
  /** The record the problem is in (question_id, dive key, video key). */
  recordKey?: string;
  field?: string;
  reason: string;
}

/** A question template: `text` uses `{placeholder}` variables; `kind` groups alternatives. */
export interface QuestionTemplate {
  key: string;
  kind: string;
  text: string;
}

export const DATASET_FORMATS = ["kinetics", "star", "finediving", "generic"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];
