import { describe, expect, it } from "vitest";
import { parseInputLine } from "@/lib/verifier/cli/input-line";

describe("parseInputLine", () => {
  it("accepts a well-formed line", () => {
    const line = JSON.stringify({ id: "q1", labelType: "timestamp", label: { time: 3.2 }, answer: "at 3 s" });
    expect(parseInputLine(line, 1)).toEqual({
      ok: true,
      request: { id: "q1", target: { labelType: "timestamp", label: { time: 3.2 } }, answer: "at 3 s" },
    });
  });

  it.each([
    ["{not json", 4, undefined, /^line 4: invalid JSON \(/],
    ["[1, 2]", 2, undefined, /^line 2: expected a JSON object/],
    [JSON.stringify({ labelType: "class", label: "x", answer: "y" }), 3, undefined, /^line 3: field id: missing/],
    [JSON.stringify({ id: 9, labelType: "class", label: "x" }), 5, 9, /^line 5 \(id 9\): field answer: /],
    [
      JSON.stringify({ id: "a", labelType: "colour", label: "x", answer: "" }),
      6,
      "a",
      /field labelType: unknown label type "colour"; expected one of class, float/,
    ],
    [
      JSON.stringify({ id: "b", labelType: "bbox", label: { box: [0, 0, 1] }, answer: "" }),
      7,
      "b",
      /^line 7 \(id "b"\): field label\.box: .*\(labelType bbox\)$/,
    ],
    [JSON.stringify({ id: "c", labelType: "float", label: { value: 1 }, answer: "" }), 8, "c", /field label\.name: /],
    [JSON.stringify({ id: "d", labelType: "class", label: 42, answer: "" }), 9, "d", /field label: /],
  ])("reports %s naming line, id and field", (line, lineNumber, id, message) => {
    const parsed = parseInputLine(line, lineNumber);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.id).toBe(id);
    expect(parsed.error).toMatch(message);
  });
});
