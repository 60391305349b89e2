import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineBytesInRange } from "@/lib/verifier/cli/file-range";

/** The lines of a range, decoded, without their line ends. */
function linesOf(file: string, start: number, end: number): string[] {
  const { bytes, from, to } = lineBytesInRange(file, start, end);
  if (from === to) return [];
  const lines = bytes.toString("utf8", from, to).split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

describe("lineBytesInRange", () => {
  it("gives every line to exactly one of adjacent ranges, whole, without the byte-order mark", async () => {
    const dir = await mkdtemp(join(tmpdir(), "file-range-"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "{"), maxLength: 12 }), { maxLength: 20 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 5 }),
        async (lines, crlf, cuts) => {
          const text = lines.map((line) => `${line}${crlf ? "\r\n" : "\n"}`).join("");
          const file = join(dir, "lines.txt");
          writeFileSync(file, `\uFEFF${text}`);
          const size = Buffer.byteLength(`\uFEFF${text}`);
          const bounds = [0, ...cuts.map((cut) => Math.min(cut, size)).sort((a, b) => a - b), size];
          const read: string[] = [];
          for (let i = 0; i + 1 < bounds.length; i++) read.push(...linesOf(file, bounds[i] as number, bounds[i + 1] as number));
          expect(read).toEqual(lines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
