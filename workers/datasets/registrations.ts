import { abandonImport } from "@/lib/datasets/run-import";
import { register, type Registration } from "../registration";
import { handleImport } from "./import";
import { handleIngestMedia } from "./ingest-media";

/** Handlers of dataset imports and media ingest. */
export const datasetRegistrations: Registration[] = [
  register("import", handleImport, 1, { abandoned: (payload, reason) => abandonImport(payload.importId, reason) }),
  register("ingest-media", handleIngestMedia, 1),
];
