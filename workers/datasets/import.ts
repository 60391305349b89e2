import { enqueueIngestForDataset } from "@/lib/datasets/job-sender";
import { runImport } from "@/lib/datasets/run-import";
import type { PayloadOf } from "@/lib/jobs/queues";
import type { HandlerContext } from "../registration";

/** Runs a requested import (all-or-nothing, progress on its DatasetImport row), then queues the media ingest. */
export async function handleImport(payload: PayloadOf<"import">, context: HandlerContext) {
  const outcome = await runImport(payload.importId, { signal: context.signal });
  const ingest =
    outcome.status === "SUCCEEDED" && outcome.datasetId !== null
      ? await enqueueIngestForDataset(outcome.datasetId)
      : { jobs: 0, videos: 0 };
  return { status: outcome.status, recordsRead: outcome.recordsRead, errorCount: outcome.errorCount, ingestJobs: ingest.jobs };
}
