import { describe, expect, test } from "vitest";
import { sameOriginPath } from "./same-origin-path";

describe("targets on this site are followed", () => {
  test.each([
    ["/", "/"],
    ["/review", "/review"],
    ["/review/3/items/7?tab=audit#note", "/review/3/items/7?tab=audit#note"],
    ["/generations?q=a%2Fb", "/generations?q=a%2Fb"],
    ["/datasets/./4/../5", "/datasets/5"],
    ["/a:b", "/a:b"],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
  ])("%s", (input, expected) => {
    expect(sameOriginPath(input)).toBe(expected);
  });
});

describe("anything that could leave the site falls back", () => {
  test.each([
    ["protocol-relative", "//evil.example/phish"],
    ["backslash after the slash", "/\\evil.example/phish"],
    ["backslash first", "\\\\evil.example"],
    ["slash and backslash", "/\\/evil.example"],
    ["encoded backslash", "/%5Cevil.example/phish"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["half-encoded slashes", "/%2Fevil.example"],
    ["doubly encoded backslash", "/%255Cevil.example"],
    ["doubly encoded slashes", "/%252F%252Fevil.example"],
    ["tab between the slashes", "/\t/evil.example"],
    ["newline between the slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline", "/%0A/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["leading space", " //evil.example"],
    ["javascript: URL", "javascript:alert(document.cookie)"],
    ["javascript: URL, mixed case with a tab", "java\tscript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["absolute http URL", "http://evil.example/phish"],
    ["absolute https URL", "https://evil.example"],
    ["scheme-relative with userinfo", "//user@evil.example"],
    ["http URL without slashes", "http:evil.example"],
    ["a relative path", "review"],
    ["empty", ""],
    ["malformed escape", "/%E0%A4%A"],
    ["too long", `/${"a".repeat(3000)}`],
  ])("%s", (_name, input) => {
    expect(sameOriginPath(input)).toBe("/");
  });

  test("a value that is not a string (a repeated query parameter) falls back", () => {
    expect(sameOriginPath(["/review", "//evil.example"])).toBe("/");
    expect(sameOriginPath(undefined, "/home")).toBe("/home");
  });
});
