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
