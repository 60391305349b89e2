import { register, type Registration } from "../registration";
import { handleImport } from "./import";
import { handleIngestMedia } from "./ingest-media";

/** Handlers of dataset imports and media ingest. */
export const datasetRegistrations: Registration[] = [register("import", handleImport, 1), register("ingest-media", handleIngestMedia, 1)];
