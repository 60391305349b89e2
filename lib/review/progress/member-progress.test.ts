import { expect, test } from "vitest";
import { memberShare, pacePerHour } from "./member-progress";

test("a member's share splits items × overlap evenly, rounded up, never above the items", () => {
  expect(memberShare(10, 1, 3)).toBe(4);
  expect(memberShare(10, 3, 3)).toBe(10);
  expect(memberShare(10, 2, 1)).toBe(10);
  expect(memberShare(10, 1, 0)).toBe(0);
});

test("pace counts the intervals between submissions: 5 in 2 hours is 2 per hour", () => {
  expect(pacePerHour(5, 2 * 3600)).toBe(2);
  expect(pacePerHour(1, 3600)).toBeNull();
  expect(pacePerHour(3, 0)).toBeNull();
});
