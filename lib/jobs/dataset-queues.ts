import { z } from "zod";
import { defineQueue } from "./define-queue";

const id = z.number().int().positive();

/** Queues of dataset imports and media ingest. */
export const datasetQueues = {
  /** Runs one requested import (a DatasetImport row), all-or-nothing; then queues its media ingest. */
  import: defineQueue({
    name: "dataset-import",
    payload: z.object({ importId: id }),
    retryLimit: 2,
    retryDelaySeconds: 30,
    // The 545k-row Kinetics file takes under a minute; a slow disk or a busy database gets room.
    expireInSeconds: 2 * 60 * 60,
  }),
  /** Probes, transcodes and posters a batch of videos; READY ones are skipped. */
  "ingest-media": defineQueue({
    name: "dataset-ingest-media",
    payload: z.object({ videoIds: z.array(id).min(1).max(500) }),
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 2 * 60 * 60,
  }),
};
