/**
 * Demo datasets for the embedded default: synthetic clips made with ffmpeg and annotation files in
 * each source format, imported through the real importers. Idempotent: runs on every demo start.
 * (Filled in by the datasets work, issue 5.)
 */
export async function seedDemoDatasets(): Promise<void> {}
