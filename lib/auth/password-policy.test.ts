import { expect, test } from "vitest";
import { passwordProblem } from "./password-policy";

test.each([
  ["ten spaces", "          "],
  ["digits in a row", "1234567890"],
  ["one letter repeated", "aaaaaaaaaa"],
  ["the alphabet", "abcdefghij"],
  ["a keyboard row", "qwertyuiop"],
  ["a common password with digits", "password123"],
  ["a common password, l33t", "P@ssw0rd2024"],
  ["a short repeat", "abcabcabcabc"],
  ["a long repeat", "x".repeat(200)],
])("%s is refused, saying why", (_name, password) => {
  expect(passwordProblem(password)).toMatch(/^This password is too easy to guess\./);
});

test("one built from the person's own email is refused", () => {
  expect(passwordProblem("rosalind.quentin1", ["rosalind.quentin@example.org", "Rosalind Quentin"])).toMatch(/too easy to guess/);
  expect(passwordProblem("rosalind.quentin1")).toBeNull();
});

test("a short one is refused by its length first", () => {
  expect(passwordProblem("kR8#vq2!L")).toBe("The password must have at least 10 characters.");
});

test.each(["correct-horse-battery", "vstar-demo-password", "kR8#vq2!Lm", "Tr0ub4dor&3x", "a sentence someone remembers"])(
  "%s is accepted",
  (password) => {
    expect(passwordProblem(password)).toBeNull();
  },
);
