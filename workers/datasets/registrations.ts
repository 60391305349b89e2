import type { Registration } from "../registration";

/** Handlers of dataset imports and media ingest (issue 5). */
export const datasetRegistrations: Registration[] = [];
