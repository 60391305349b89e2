import { cp, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { mediaRoot } from "@/lib/config/media-root";
import { dataDir } from "@/lib/config/paths";
import { demoDatasetStates } from "@/lib/datasets/dataset-repository";
import { writeDemoFixtures } from "@/lib/datasets/demo/write-demo-fixtures";
import { ingestVideos } from "@/lib/datasets/ingest/ingest-videos";
import { optionsFromSpec } from "@/lib/datasets/import-options";
import { requestImport } from "@/lib/datasets/request-import";
import { runImport } from "@/lib/datasets/run-import";
import { pendingVideoIds } from "@/lib/datasets/video-repository";

/** Where the demo's clips live inside the media store. */
const DEMO_MEDIA_PREFIX = "demo";
export const DEMO_DATASET_NAMES = ["Kinetics-700 (demo)", "STAR (demo)", "FineDiving (demo)"] as const;

/**
 * Demo datasets for the embedded default: synthetic clips made with ffmpeg and annotation files in
 * each source format (under `<VSTAR_DATA_DIR>/demo-source`), imported through the real importers
 * and ingested, so that every clip plays when `npm start` prints its URL. Idempotent: runs on every
 * demo start and returns at once when the three datasets are there with their media done; an
 * interrupted seed is completed (imports add nothing twice, ingest skips READY videos).
 */
export async function seedDemoDatasets(log: (line: string) => void = console.log): Promise<void> {
  const states = await demoDatasetStates(DEMO_DATASET_NAMES);
  if (states.length === DEMO_DATASET_NAMES.length && states.every((s) => s.videos > 0 && s.pending === 0)) return;

  const started = Date.now();
  const source = path.join(dataDir(), "demo-source");
  await rm(source, { recursive: true, force: true });
  const fixtures = await writeDemoFixtures(source);
  await moveInto(fixtures.mediaRoot, path.join(mediaRoot(), DEMO_MEDIA_PREFIX));

  const datasetIds: number[] = [];
  for (const dataset of fixtures.datasets) {
    const options = optionsFromSpec(dataset.spec, {
      datasetName: dataset.name,
      description: dataset.description,
      mediaPrefix: DEMO_MEDIA_PREFIX,
      isDemo: true,
    });
    const row = await requestImport(options, { userId: null });
    const outcome = await runImport(row.id);
    if (outcome.status !== "SUCCEEDED" || outcome.datasetId === null) {
      const first = outcome.problems[0];
      throw new Error(
        `the demo dataset "${dataset.name}" did not import (${outcome.status}): ${first ? `${first.file}: ${first.reason}` : "no detail"}`,
      );
    }
    datasetIds.push(outcome.datasetId);
  }

  const ids = (await Promise.all(datasetIds.map((id) => pendingVideoIds(id, 0, 1000)))).flat();
  const ingest = await ingestVideos(ids, { concurrency: 2 });
  log(
    `Demo datasets ready: ${DEMO_DATASET_NAMES.join(", ")} (${ingest.ready} clips made playable, ${ingest.unplayable} unplayable) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Replaces `target` with `source` (a rename, or a copy across file systems). */
async function moveInto(source: string, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await cp(source, target, { recursive: true });
    await rm(source, { recursive: true, force: true });
  }
}
