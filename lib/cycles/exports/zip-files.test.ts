import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, expect, test } from "vitest";
import { zipFiles } from "./zip-files";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vstar-zip-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test("the archive holds each file under its name, byte for byte, a large one included", async () => {
  const small = path.join(dir, "info.json");
  const large = path.join(dir, "data.json");
  await writeFile(small, '{"a":1}\n');
  // Several read chunks (64 KiB each), so the streaming path is exercised.
  const big = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ i, text: `answer ${i} ${"x".repeat(i % 50)}` })).join("\n");
  await writeFile(large, big);
  const zipPath = path.join(dir, "out.zip");
  const bytes = await zipFiles(zipPath, [
    { name: "folder/info.json", path: small },
    { name: "folder/data.json", path: large },
  ]);
  const archive = await readFile(zipPath);
  expect(bytes).toBe(archive.length);
  // A zip starts with a local file header, "PK\x03\x04".
  expect([...archive.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
  const files = unzipSync(new Uint8Array(archive));
  expect(Object.keys(files)).toEqual(["folder/info.json", "folder/data.json"]);
  expect(strFromU8(files["folder/info.json"]!)).toBe('{"a":1}\n');
  expect(strFromU8(files["folder/data.json"]!)).toBe(big);
  expect(archive.length).toBeLessThan(big.length / 3);
});

test("a missing file fails the archive", async () => {
  await expect(zipFiles(path.join(dir, "bad.zip"), [{ name: "x", path: path.join(dir, "missing.json") }])).rejects.toThrow(/ENOENT/);
});
