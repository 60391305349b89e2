import { describe, expect, it } from "vitest";
import { itemIdInPath, itemPath } from "./item-path";

describe("itemIdInPath", () => {
  it("reads the item of an item screen's address in the same queue", () => {
    expect(itemIdInPath(itemPath(7, 42), 7)).toBe(42);
    expect(itemIdInPath("/review/7/items/42/", 7)).toBe(42);
  });

  it("names no item for another queue, another screen or a malformed id", () => {
    expect(itemIdInPath(itemPath(8, 42), 7)).toBeNull();
    expect(itemIdInPath("/review/7", 7)).toBeNull();
    expect(itemIdInPath("/review/7/items/0", 7)).toBeNull();
    expect(itemIdInPath("/review/7/items/42/audit", 7)).toBeNull();
    expect(itemIdInPath("/review/7/items/99999999999999999999", 7)).toBeNull();
    expect(itemIdInPath(null, 7)).toBeNull();
  });
});
