import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { projectRoot } from "@/lib/config/paths";
import { WORKER_NODE_FLAGS } from "./worker-node-flags";

const scripts = () =>
  (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

test("npm run worker starts the worker with the worker's node flags", () => {
  expect(scripts().worker).toBe(`tsx ${WORKER_NODE_FLAGS.join(" ")} workers/main.ts`);
});

// An import runs in the worker; from the command line, and in its benchmark, it runs as it would there.
test("npm run import and bench:import run with the worker's node flags", () => {
  expect(scripts().import).toBe(`tsx ${WORKER_NODE_FLAGS.join(" ")} lib/cli/import.ts`);
  expect(scripts()["bench:import"]).toBe(`tsx ${WORKER_NODE_FLAGS.join(" ")} lib/bench/import.ts`);
});

test("every flag is one node accepts on its command line (a V8 option)", () => {
  for (const flag of WORKER_NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+=\d+$/);
});
