/** Queues of dataset imports and media ingest (issue 5). */
export const datasetQueues = {};
