import { describe, expect, it } from "vitest";
import { findNumbers } from "@/lib/verifier/text/numbers";

describe("findNumbers", () => {
  it.each([
    ["a score of 85.2", [85.2]],
    ["between 2-3 people", [2, 3]],
    ["about -4.5 or −2", [-4.5, -2]],
    ["1,234.5 views and 8,9,10", [1234.5, 8, 9, 10]],
    ["mp4 video, 3rd try, v2", []],
    ["it is .5 of the way", [0.5]],
    ["no digits here", []],
  ])("%j → %j", (text, expected) => {
    expect(findNumbers(text).map((mention) => mention.value)).toEqual(expected);
  });

  it("reports offsets of the written number", () => {
    const text = "The final score: 79.20.";
    const [mention] = findNumbers(text);
    expect(mention).toMatchObject({ value: 79.2, text: "79.20" });
    expect(text.slice(mention?.start, mention?.end)).toBe("79.20");
  });
});
