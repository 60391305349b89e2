import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveInside } from "./resolve-inside";

let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), "resolve-")));
  root = path.join(base, "media");
  await mkdir(path.join(root, "clips"), { recursive: true });
  await writeFile(path.join(root, "clips", "a.mp4"), "a");
  await writeFile(path.join(base, "secret.txt"), "s");
  await mkdir(path.join(base, "outside"));
  await symlink(path.join(base, "secret.txt"), path.join(root, "leak.mp4"));
  await symlink(path.join(base, "outside"), path.join(root, "escape"));
  await symlink(path.join(root, "clips"), path.join(root, "alias"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("resolveInside", () => {
  it("resolves files and not-yet-existing outputs inside the root", async () => {
    expect(await resolveInside(root, "clips/a.mp4")).toBe(path.join(root, "clips", "a.mp4"));
    expect(await resolveInside(root, "clips/new/out.mp4")).toBe(path.join(root, "clips", "new", "out.mp4"));
    expect(await resolveInside(root, "./clips/a.mp4")).toBe(path.join(root, "clips", "a.mp4"));
  });

  it("follows a symlink that stays inside the root", async () => {
    expect(await resolveInside(root, "alias/a.mp4")).toBe(path.join(root, "clips", "a.mp4"));
  });

  it.each([
    ["parent segment", "../secret.txt"],
    ["parent segment that would stay inside", "clips/../clips/a.mp4"],
    ["deep escape", "clips/../../secret.txt"],
    ["absolute path", "/etc/passwd"],
    ["absolute path to the root's own file", "/clips/a.mp4"],
    ["drive letter", "C:/Windows/win.ini"],
    ["backslashes", "..\\secret.txt"],
    ["NUL byte", "clips/a.mp4\0.txt"],
    ["empty path", ""],
    ["the root itself", "."],
    ["symlinked file leading outside", "leak.mp4"],
    ["symlinked folder leading outside", "escape/anything.mp4"],
  ])("refuses %s", async (_name, candidate) => {
    expect(await resolveInside(root, candidate)).toBeNull();
  });

  it("refuses everything when the root does not exist", async () => {
    expect(await resolveInside(path.join(base, "missing"), "a.mp4")).toBeNull();
  });
});
