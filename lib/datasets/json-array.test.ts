import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FatalImportError } from "./errors";
import { openElementReader, parseElement, scanJsonArray, type ArrayElement } from "./json-array";
import { makeTempDir, removeTempDir } from "./testing/collect";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("json-array");
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function scan(name: string, text: string | Buffer): Promise<ArrayElement[]> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const all: ArrayElement[] = [];
  for await (const batch of scanJsonArray(file, name)) all.push(...batch);
  return all;
}

describe("scanJsonArray", () => {
  it("splits elements of every kind, across read chunks, with offsets a second pass can use", async () => {
    const tricky = { text: 'brackets ] } [ { and "quotes" and \\ back\\slash', unicode: "é ✓ 😀", nested: [[1, { a: [] }]] };
    const values: unknown[] = [1, -2.5e3, "a ] string", true, null, [], {}, tricky];
    for (let i = 0; i < 3000; i += 1) values.push({ i, tricky });
    const text = `\ufeff [\n${values.map((v) => JSON.stringify(v)).join(" ,\n")}\n] \n`;
    const elements = await scan("many.json", text);
    expect(elements.map((e) => (parseElement(e) as { value: unknown }).value)).toEqual(values);
    expect(elements[1]?.line).toBe(3);

    const reader = await openElementReader(path.join(dir, "many.json"));
    const last = elements.at(-1);
    const again = await reader.read(last?.offset ?? 0, last?.length ?? 0);
    await reader.close();
    expect(JSON.parse(again.toString("utf8"))).toEqual(values.at(-1));
  });

  it("accepts an empty array and refuses what is not one", async () => {
    expect(await scan("empty.json", " [ ] ")).toEqual([]);
    await expect(scan("object.json", '{"a": []}')).rejects.toThrow(
      new FatalImportError({ file: "object.json", line: 1, reason: "expected a JSON array at the top level" }),
    );
    await expect(scan("nothing.json", "\n")).rejects.toThrow(/the file is empty/);
    await expect(scan("trailing.json", "[1,]")).rejects.toThrow(/trailing comma/);
    await expect(scan("after.json", "[1] 2")).rejects.toThrow(/unexpected data after the end of the array \(line 1, column 5\)/);
    await expect(scan("cut.json", '[{"a": "b"},\n{"c": ')).rejects.toThrow(/line 2, column 7\): the array is not closed/);
  });
});
