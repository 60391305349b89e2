import { expect, test } from "vitest";
import { importFileName, withoutImportRoots } from "./paths";

const roots = ["/srv/imports", "/data/more"];

test.each([
  ["/srv/imports/kinetics/k700_val.csv", "kinetics/k700_val.csv"],
  ["/data/more/STAR_train.json", "STAR_train.json"],
  ["/srv/imports/uploads/2026-12-07-1a2b3c/my_file.csv", "my_file.csv"],
  ["/srv/imports/uploads/2026-12-07-1a2b3c/mapping/m.json", "mapping/m.json"],
  ["/elsewhere/secret/file.csv", "file.csv"],
  ["/srv/imports-other/x.csv", "x.csv"],
])("%s is named %s", (file, name) => {
  expect(importFileName(file, roots)).toBe(name);
});

test("an unexpected error's message loses the import roots' absolute paths", () => {
  expect(withoutImportRoots("EACCES: permission denied, open '/srv/imports/kinetics/k700_val.csv'", roots)).toBe(
    "EACCES: permission denied, open 'kinetics/k700_val.csv'",
  );
  expect(withoutImportRoots("EISDIR: illegal operation on a directory, read '/srv/imports/uploads/2026-12-07-1a2b3c/x.csv'", roots)).toBe(
    "EISDIR: illegal operation on a directory, read 'x.csv'",
  );
  expect(withoutImportRoots("nothing to change", roots)).toBe("nothing to change");
});
