import { describe, expect, it } from "vitest";
import { DEFAULT_SIGN_IN_RATE_LIMIT, signInRateLimit } from "./sign-in-rate-limit";

describe("signInRateLimit", () => {
  it("defaults to 10 a minute, and reads a whole number", () => {
    expect(signInRateLimit({})).toBe(DEFAULT_SIGN_IN_RATE_LIMIT);
    expect(signInRateLimit({ SIGN_IN_RATE_LIMIT: "500" })).toBe(500);
  });

  it("names the variable when the value is not a positive whole number", () => {
    for (const bad of ["0", "-3", "2.5", "lots"]) {
      expect(() => signInRateLimit({ SIGN_IN_RATE_LIMIT: bad })).toThrow(/SIGN_IN_RATE_LIMIT .*"/);
    }
  });
});
