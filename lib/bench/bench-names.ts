/** Names the seeding script and the benchmark agree on (one bench data set per size). */
export const benchRunName = (generations: number) => `bench-review ${generations}`;
export const benchQueueName = (generations: number) => `bench queue ${generations}`;
export const BENCH_QUEUE_SIZE = 20_000;
export const BENCH_ANNOTATORS = 50;
export const BENCH_RESEARCHER = "bench-researcher";
/** Every bench user's password (seeded as a better-auth credential account). */
export const BENCH_PASSWORD = "bench-password-not-secret";
