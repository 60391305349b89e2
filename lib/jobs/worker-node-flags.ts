/**
 * Node flags every worker process starts with (the launcher of `npm start`, `npm run worker`, the
 * cycle bench). A cycle's generate batches allocate some tens of kB per answer (the HTTP exchange,
 * the reply, the row) and hold a few thousand answers in flight or waiting for their write: with
 * V8's default 16 MB semi-space the young generation was scavenged several times a second, each
 * pause copying those live answers while every request in flight waited (up to a tenth of the worker's
 * time). A 64 MB semi-space scavenges a quarter as often; old space grown by half
 * of what is live at each collection (V8's own factor goes up to 4×) keeps the heap, and the RSS,
 * near what is live: a 100,000-question cycle peaked at 396 MiB where it had reached 411 to 469.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64", "--heap-growing-percent=50"];
