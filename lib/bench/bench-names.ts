/** Names the seeding script and the benchmark agree on (one bench data set per size). */
export const benchRunName = (generations: number) => `bench-review ${generations}`;
export const benchQueueName = (generations: number) => `bench queue ${generations}`;
export const BENCH_QUEUE_SIZE = 20_000;
export const BENCH_ANNOTATORS = 24;
