import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompactStringSet } from "./compact-string-set";

describe("CompactStringSet", () => {
  it("answers exactly like a Set<string> for any sequence of strings", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("", "a", "ab", "é", "😀")),
          { maxLength: 300 },
        ),
        (values) => {
          const compact = new CompactStringSet();
          const reference = new Set<string>();
          for (const value of values) {
            const isNew = !reference.has(value);
            reference.add(value);
            expect(compact.add(value)).toBe(isNew);
          }
          expect(compact.size).toBe(reference.size);
        },
      ),
    );
  });

  it("keeps every key of a large set through its growth, and finds each one again", () => {
    const set = new CompactStringSet();
    const key = (i: number) => `vid${i.toString(36).padStart(8, "0")}_000012_000022`;
    let added = 0;
    for (let i = 0; i < 50_000; i += 1) if (set.add(key(i))) added += 1;
    let foundAgain = 0;
    for (let i = 0; i < 50_000; i += 1) if (!set.add(key(i))) foundAgain += 1;
    expect([added, foundAgain, set.size]).toEqual([50_000, 50_000, 50_000]);
  });

  it("tells apart different keys of the same hash", () => {
    const [first, second] = sameHashPair();
    const set = new CompactStringSet();
    expect([set.add(first), set.add(second), set.add(first), set.add(second)]).toEqual([true, true, false, false]);
  });

  it("tells apart keys whose bytes are prefixes of one another", () => {
    const set = new CompactStringSet();
    expect(set.add("abc")).toBe(true);
    expect(set.add("ab")).toBe(true);
    expect(set.add("abcd")).toBe(true);
    expect(set.add("ab")).toBe(false);
  });
});

/** Two ASCII strings with the same 31-bit FNV-1a hash (the set's), found by the birthday paradox. */
function sameHashPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i += 1) {
    const text = `key-${i}`;
    let hash = 0x811c9dc5;
    for (let j = 0; j < text.length; j += 1) hash = Math.imul(hash ^ text.charCodeAt(j), 0x01000193);
    hash &= 0x7fffffff;
    const earlier = seen.get(hash);
    if (earlier !== undefined) return [earlier, text];
    seen.set(hash, text);
  }
}
