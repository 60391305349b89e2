import { describe, expect, it } from "vitest";
import { shapeOf } from "@/lib/backends/testing/fixtures";

describe("shapeOf (the fixture comparison)", () => {
  it("ignores values but not keys, types or discriminators", () => {
    expect(shapeOf({ a: 1, b: "x" })).toEqual(shapeOf({ b: "y", a: 2 }));
    expect(shapeOf({ a: 1 })).not.toEqual(shapeOf({ a: 1, c: 2 }));
    expect(shapeOf({ a: 1 })).not.toEqual(shapeOf({ a: "1" }));
    expect(shapeOf({ type: "video_url" })).not.toEqual(shapeOf({ type: "image_url" }));
  });

  it("keeps the order of differing array elements and collapses repeats", () => {
    const video = { type: "video_url", video_url: { url: "u" } };
    const text = { type: "text", text: "t" };
    expect(shapeOf([video, text])).not.toEqual(shapeOf([text, video]));
    expect(shapeOf(["a", "b", "c"])).toEqual(shapeOf(["a"]));
  });
});
