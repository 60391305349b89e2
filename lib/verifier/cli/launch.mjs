/**
 * `npm run verify`: runs the verify CLI (lib/cli/verify.ts) from a JavaScript bundle, which starts
 * in a fraction of the time tsx takes to load the TypeScript sources (and each worker thread
 * would pay that again). esbuild — tsx's own — makes the bundle on first use and again whenever
 * one of its source files has changed (size or modification time), in
 * node_modules/.cache/verify-cli (or VERIFY_CLI_CACHE). Without esbuild it runs the sources with
 * tsx, as before.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cache = process.env.VERIFY_CLI_CACHE ?? path.join(root, "node_modules/.cache/verify-cli");
const manifestFile = path.join(cache, "manifest.json");
const ENTRY_POINTS = { verify: "lib/cli/verify.ts", "verify-worker": "lib/verifier/cli/verify-worker.ts" };

/** Size and modification time of a source file, as the manifest records them. */
function stamp(file) {
  const stats = statSync(path.join(root, file));
  return `${stats.size}:${stats.mtimeMs}`;
}

/** Whether the bundle in the cache was made from its source files (this one included) as they are now. */
function bundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    if (manifest.root !== root) return false;
    return Object.entries(manifest.inputs).every(([file, recorded]) => stamp(file) === recorded);
  } catch {
    return false;
  }
}

/** Makes the bundle: the files go in under temporary names and are renamed into place, so that concurrent runs see whole files. */
async function buildBundle() {
  const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild");
  const started = Date.now();
  const staging = `${cache}.${process.pid}.tmp`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    // ES module sources where a package has them (stopword's CommonJS build holds all its languages).
    mainFields: ["module", "main"],
    tsconfig: path.join(root, "tsconfig.json"),
    metafile: true,
    logLevel: "silent",
  });
  mkdirSync(cache, { recursive: true });
  for (const name of Object.keys(ENTRY_POINTS)) renameSync(path.join(staging, `${name}.mjs`), path.join(cache, `${name}.mjs`));
  rmSync(staging, { recursive: true, force: true });
  // This file is an input too: a change in how the bundle is made makes it anew.
  const files = [...Object.keys(result.metafile.inputs), path.relative(root, fileURLToPath(import.meta.url))];
  const inputs = Object.fromEntries(files.map((file) => [file, stamp(file)]));
  // A source saved while the bundle was being made leaves it stale: no manifest, so the next run builds again.
  if (Object.values(inputs).some((recorded) => Number(recorded.split(":")[1]) >= started)) return;
  const temporary = `${manifestFile}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ root, inputs }));
  renameSync(temporary, manifestFile);
}

async function main() {
  let bundled = bundleIsFresh();
  if (!bundled) {
    try {
      await buildBundle();
      bundled = true;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      process.stderr.write(`verify: running from the TypeScript sources (no bundle: ${reason})\n`);
    }
  }
  if (bundled) {
    await import(pathToFileURL(path.join(cache, "verify.mjs")).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import("../../cli/verify.ts");
}

await main();
