import type { JsonSchemaNode } from "./json-schema";

export interface LaunchDataset {
  id: number;
  name: string;
  format: string;
  isDemo: boolean;
  /** Questions per split, e.g. { train: 40, test: 10 }. */
  splits: Record<string, number>;
}

export interface LaunchBackend {
  name: string;
  role: string;
  model: string | null;
  isSimulator: boolean;
}

/** Everything the launch form is drawn from: the engine's schema and defaults, and what exists to choose. */
export interface LaunchFormModel {
  schema: JsonSchemaNode;
  /** The engine's defaults (datasets left empty). */
  defaults: Record<string, unknown>;
  presets: Record<string, Record<string, unknown>>;
  datasets: LaunchDataset[];
  backends: LaunchBackend[];
}

/** A launched run's settings, for launching again: the form starts from them instead of the defaults. */
export interface LaunchOriginal {
  runId: number;
  name: string;
  /** Its configuration without datasets and verifier (those have fields of their own). */
  values: Record<string, unknown>;
  datasets: { datasetId: number; sampleSize: number | null; splits: string[] }[];
  verifier: { preset: string; overrides: Record<string, Record<string, unknown>> };
}
