/**
 * npm run import -- --format kinetics700|star|finediving|generic --file PATH [--media-root DIR]
 *   [--dataset NAME] [--mapping FILE] [--clip-path TEMPLATE] [--video-path TEMPLATE] [--fps-file FILE]
 *   [--no-media-check] [--no-ingest]
 * npm run import -- --attach-media --dataset NAME
 *
 * Imports an annotation file into the same database `npm start` uses (its embedded PostgreSQL —
 * joined when running, started and stopped again when not — or DATABASE_URL), all-or-nothing:
 * progress while it reads, then the counts; a rejected file prints its errors and exits 1 having
 * written nothing. Media ingest is queued for the worker (npm start's, or `npm run worker`).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { mediaRoot } from "@/lib/config/media-root";
import { openDatabaseServer, type DatabaseServer } from "@/lib/db/database-server";
import { isDomainError } from "@/lib/errors/domain-error";
import { applyMigrations } from "@/lib/db/migrations";

const USAGE = `usage: npm run import -- --format kinetics700|star|finediving|generic --file PATH
         [--media-root DIR]      folder of the clips, inside the media store (default: the store itself)
         [--dataset NAME]        dataset to create or add to (default: the file's name)
         [--mapping FILE]        generic imports: the column → label-type mapping (JSON)
         [--clip-path TEMPLATE]  Kinetics: clip file names, e.g. "{split}/{label}/{youtube_id}_{start}_{end}.mp4"
         [--video-path TEMPLATE] STAR: video file names, e.g. "{video_id}.mp4"
         [--fps-file FILE]       STAR: its per-video frame rates (video_fps; found beside the file when there)
         [--no-media-check]      do not require every clip to exist (import the annotations now, the media later)
         [--no-ingest]           do not queue the media ingest
       FineDiving: PATH is its Annotations folder or any of its pickles (the others are found beside it)
       npm run import -- --attach-media --dataset NAME
                                 media added after the import: ingest the dataset's unplayable videos again`;

class UsageError extends Error {}

let database: DatabaseServer | undefined;
const stop = new AbortController();
process.on("SIGINT", () => stop.abort(new Error("interrupted")));
process.on("SIGTERM", () => stop.abort(new Error("terminated")));

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`import: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await shutdown();
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args.attachMedia) return attachMedia(args.dataset);
  const { FORMAT_NAMES } = await import("@/lib/datasets/import-options");
  const format = FORMAT_NAMES[args.format.toLowerCase()];
  if (format === undefined) throw new UsageError(`unknown format "${args.format}"`);
  if (format === "generic" && args.mapping === undefined) throw new UsageError("a generic import needs --mapping FILE");
  if (args.file === undefined) throw new UsageError("--file is required");
  const file = path.resolve(args.file);
  const mediaPrefix = prefixInsideStore(args.mediaRoot);

  database = await openDatabaseServer();
  process.env.DATABASE_URL = database.url;
  console.log(`Database: ${database.embedded ? "embedded PostgreSQL (started for this import)" : "PostgreSQL"} ${redact(database.url)}`);
  await applyMigrations(database.url);

  // Loaded once DATABASE_URL is set: the database clients read it when first used.
  const { requestImport } = await import("@/lib/datasets/request-import");
  const { runImport } = await import("@/lib/datasets/run-import");
  const { formatImportError } = await import("@/lib/datasets/errors");

  const datasetName = args.dataset ?? defaultDatasetName(file);
  const request = await requestImport(
    {
      datasetName,
      format,
      file,
      mediaPrefix,
      checkMedia: !args.noMediaCheck,
      ...(args.mapping ? { mappingFile: path.resolve(args.mapping) } : {}),
      ...(args.clipPath ? { clipPathTemplate: args.clipPath } : {}),
      ...(args.videoPath ? { videoPathTemplate: args.videoPath } : {}),
      ...(args.fpsFile ? { fpsFile: path.resolve(args.fpsFile) } : {}),
    },
    { userId: null },
  ).catch((error: unknown) => {
    if (isDomainError(error, "invalid-input")) throw new UsageError(error.message);
    throw error;
  });
  console.log(
    `Import #${request.id}: ${path.basename(file)} (${format}) into dataset "${datasetName}", clips under ${path.join(mediaRoot(), mediaPrefix)}`,
  );

  const started = Date.now();
  const outcome = await runImport(request.id, {
    signal: stop.signal,
    onProgress: ({ recordsRead }) =>
      console.log(`  ${recordsRead.toLocaleString("en")} records read (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  });
  const errors = outcome.problems.filter((p) => p.severity === "error");
  const warnings = outcome.problems.filter((p) => p.severity === "warning");
  const notes = outcome.problems.filter((p) => p.severity === "info");

  if (outcome.status !== "SUCCEEDED") {
    console.error(
      `\nRejected: ${outcome.errorCount} error${outcome.errorCount === 1 ? "" : "s"}${outcome.errorCount > errors.length ? ` (the first ${errors.length} listed)` : ""}. Nothing was written.`,
    );
    for (const error of errors) console.error(`  ${formatImportError(error)}`);
    return 1;
  }
  const { counts } = outcome;
  console.log(`\nImported ${outcome.recordsRead.toLocaleString("en")} records in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  console.log(`  videos:    ${counts.videosCreated} new, ${counts.videosUpdated} updated`);
  console.log(`  labels:    ${counts.labelsCreated} new, ${counts.labelsUpdated} updated`);
  console.log(`  questions: ${counts.questionsCreated} new, ${counts.questionsUpdated} updated`);
  for (const note of notes) console.log(`  ${formatImportError(note)}`);
  if (warnings.length > 0) {
    console.log(`  ${outcome.warningCount} data-quality warning${outcome.warningCount === 1 ? "" : "s"}:`);
    for (const warning of warnings.slice(0, 10)) console.log(`    ${formatImportError(warning)}`);
  }

  if (!args.noIngest && outcome.datasetId !== null) {
    const { enqueueIngestForDataset } = await import("@/lib/datasets/job-sender");
    const ingest = await enqueueIngestForDataset(outcome.datasetId);
    console.log(
      ingest.videos === 0
        ? "Media ingest: nothing to do."
        : `Media ingest queued: ${ingest.videos} videos in ${ingest.jobs} jobs, done by the worker of npm start (or npm run worker).`,
    );
  }
  return 0;
}

/** Media copied into the store after its annotations were imported: ingest the dataset's unplayable videos again. */
async function attachMedia(datasetName: string | undefined): Promise<number> {
  if (datasetName === undefined) throw new UsageError("--attach-media needs --dataset NAME");
  database = await openDatabaseServer();
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { findDatasetIdByName } = await import("@/lib/datasets/dataset-repository");
  const { requeueUnplayableVideos } = await import("@/lib/datasets/video-repository");
  const { enqueueIngestForDataset } = await import("@/lib/datasets/job-sender");
  const datasetId = await findDatasetIdByName(datasetName);
  if (datasetId === null) throw new UsageError(`no dataset named "${datasetName}"`);
  const requeued = await requeueUnplayableVideos(datasetId);
  const ingest = await enqueueIngestForDataset(datasetId);
  console.log(
    `${requeued} unplayable video${requeued === 1 ? "" : "s"} of "${datasetName}" sent back to ingest; ` +
      `${ingest.videos} videos in ${ingest.jobs} jobs queued for the worker of npm start (or npm run worker).`,
  );
  return 0;
}

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        format: { type: "string" },
        file: { type: "string" },
        "media-root": { type: "string" },
        dataset: { type: "string" },
        mapping: { type: "string" },
        "clip-path": { type: "string" },
        "video-path": { type: "string" },
        "fps-file": { type: "string" },
        "no-media-check": { type: "boolean", default: false },
        "no-ingest": { type: "boolean", default: false },
        "attach-media": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const attachMedia = values["attach-media"] ?? false;
  if (!attachMedia && !values.format) throw new UsageError("--format is required");
  if (!attachMedia && !values.file) throw new UsageError("--file is required");
  return {
    attachMedia,
    format: values.format ?? "",
    file: values.file,
    mediaRoot: values["media-root"],
    dataset: values.dataset,
    mapping: values.mapping,
    clipPath: values["clip-path"],
    videoPath: values["video-path"],
    fpsFile: values["fps-file"],
    noMediaCheck: values["no-media-check"] ?? false,
    noIngest: values["no-ingest"] ?? false,
  };
}

/** The file's name without extension; for FineDiving's `Annotations` folder, the dataset folder's name. */
function defaultDatasetName(file: string): string {
  const name = path.basename(file);
  return name === "Annotations" ? path.basename(path.dirname(file)) : name.replace(/\.[^.]+$/, "");
}

/** The media root as a folder of the media store (where npm start serves clips from). */
function prefixInsideStore(dir: string | undefined): string {
  const store = mediaRoot();
  if (dir === undefined) return "";
  const relative = path.relative(store, path.resolve(dir));
  if (relative === "") return "";
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new UsageError(
      `--media-root ${path.resolve(dir)} is outside the media store ${store}: move or mount the clips there, ` +
        "or set VSTAR_MEDIA_ROOT to a folder that holds them (for npm start too)",
    );
  }
  return relative.split(path.sep).join("/");
}

async function shutdown(): Promise<void> {
  const { stopProcessBoss } = await import("@/lib/jobs/process-boss");
  const { closePool } = await import("@/lib/db/pool");
  const { disconnectPrisma } = await import("@/lib/db/prisma");
  await stopProcessBoss().catch(() => {});
  await closePool().catch(() => {});
  await disconnectPrisma().catch(() => {});
  await database?.close().catch(() => {});
}

function redact(url: string): string {
  return url.replace(/:\/\/([^:@]+):[^@]*@/, "://$1:***@");
}
