import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertPostgresUserCanReach, firstClosedFolder } from "./postgres-user-access";

const stranger = { uid: 4242, gid: 4242 };
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "pg-access-"));
  chmodSync(root, 0o755);
  mkdirSync(path.join(root, "checkout", "node_modules"), { recursive: true });
});

afterEach(() => {
  chmodSync(root, 0o755);
  chmodSync(path.join(root, "checkout"), 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe("firstClosedFolder", () => {
  it("lets a stranger through folders open to others", () => {
    expect(firstClosedFolder(path.join(root, "checkout", "node_modules"), stranger)).toBeNull();
  });

  it("names the private folder on the way, with its mode", () => {
    chmodSync(path.join(root, "checkout"), 0o700);
    expect(firstClosedFolder(path.join(root, "checkout", "node_modules"), stranger)).toEqual({
      folder: path.join(root, "checkout"),
      mode: "700",
    });
  });

  it("starts from the nearest existing folder when the target is not made yet", () => {
    chmodSync(path.join(root, "checkout"), 0o700);
    expect(firstClosedFolder(path.join(root, "checkout", ".data", "postgres"), stranger)?.folder).toBe(path.join(root, "checkout"));
  });
});

describe("assertPostgresUserCanReach", () => {
  it("says which folder to open, and how", () => {
    chmodSync(path.join(root, "checkout"), 0o700);
    expect(() => assertPostgresUserCanReach([path.join(root, "checkout", "node_modules")], stranger)).toThrow(
      `cannot enter ${path.join(root, "checkout")} (mode 700)`,
    );
    expect(() => assertPostgresUserCanReach([path.join(root, "checkout", "node_modules")], stranger)).toThrow(/chmod o\+x/);
  });
});
