/** Queues of the cycle engine: generate, verify, rationalize, curate, export, train, evaluate (issue 6). */
export const cycleQueues = {};
