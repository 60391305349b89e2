import { ingestVideos } from "@/lib/datasets/ingest/ingest-videos";
import type { PayloadOf } from "@/lib/jobs/queues";
import type { HandlerContext } from "../registration";

/** Makes a batch of videos playable (or marks them UNPLAYABLE with the reason); READY ones are skipped. */
export async function handleIngestMedia(payload: PayloadOf<"ingest-media">, context: HandlerContext) {
  return ingestVideos(payload.videoIds, { signal: context.signal });
}
