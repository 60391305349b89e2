import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstClosedFolder, letPostgresUserReach } from "./postgres-user-access";

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

describe("letPostgresUserReach", () => {
  it("gives each closed folder on the way the other-execute bit only, and says so", () => {
    const checkout = path.join(root, "checkout");
    chmodSync(checkout, 0o700);
    const lines: string[] = [];
    letPostgresUserReach([path.join(checkout, "node_modules")], stranger, (line) => lines.push(line));
    expect(statSync(checkout).mode & 0o777).toBe(0o701);
    expect(firstClosedFolder(path.join(checkout, "node_modules"), stranger)).toBeNull();
    expect(lines).toEqual([expect.stringContaining(`${checkout} (mode 700 → o+x)`)]);
  });

  it("leaves open folders as they are", () => {
    const lines: string[] = [];
    letPostgresUserReach([path.join(root, "checkout", "node_modules")], stranger, (line) => lines.push(line));
    expect(lines).toEqual([]);
    expect(statSync(path.join(root, "checkout")).mode & 0o777).toBe(0o755);
  });
});
