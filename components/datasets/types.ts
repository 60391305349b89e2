/** Shapes the datasets API returns (JSON: dates as strings). */

export type ImportStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "REJECTED" | "FAILED";

export interface ImportProblem {
  file: string;
  line?: number;
  recordKey?: string;
  field?: string;
  reason: string;
  severity: "error" | "warning" | "info";
}

export interface ImportEntry {
  id: number;
  datasetId: number | null;
  format: string;
  sourceName: string;
  status: ImportStatus;
  recordsRead: number;
  videosCreated: number;
  questionsCreated: number;
  errorCount: number;
  errors: ImportProblem[];
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  createdBy: { name: string } | null;
  dataset: { name: string } | null;
}

type MediaStatus = "PENDING" | "READY" | "UNPLAYABLE";

export interface VideoTile {
  id: number;
  key: string;
  split: string | null;
  mediaStatus: MediaStatus;
  unplayableReason: string | null;
  durationSec: number | null;
  clipStartSec: number | null;
  clipEndSec: number | null;
  /** The served file is the window clipStartSec–clipEndSec alone (cut at ingest): its time 0 is the window's start. */
  windowCut: boolean;
}

export interface VideoDetail extends VideoTile {
  fps: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  labels: { key: string; kind: string; value: unknown }[];
  questions: { id: number; key: string; kind: string; text: string; targets: unknown }[];
}

export interface TemplateRow {
  id: number;
  key: string;
  kind: string;
  text: string;
}

export const FORMAT_LABELS: Record<string, string> = {
  KINETICS700: "Kinetics-700",
  STAR: "STAR",
  FINEDIVING: "FineDiving",
  GENERIC: "Generic",
};
