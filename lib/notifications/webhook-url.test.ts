import { expect, test } from "vitest";
import { webhookUrlSchema } from "./webhook-url";

const problem = (url: string) => {
  const result = webhookUrlSchema.safeParse(url);
  return result.success ? null : result.error.issues.map((issue) => issue.message);
};

test("a webhook URL is http(s), without credentials in it however they are spelled", () => {
  expect(webhookUrlSchema.parse("  https://hooks.slack.com/services/T0/B0/xyz ")).toBe("https://hooks.slack.com/services/T0/B0/xyz");
  expect(problem("http://127.0.0.1:8080/hook")).toBeNull();
  expect(problem("ftp://files.example.org/x")).toEqual(["Enter an http:// or https:// URL"]);
  expect(problem("hooks.example.org/x")).toEqual(["Enter an http:// or https:// URL"]);
  expect(problem("https://token@hooks.example.org/x")?.[0]).toMatch(/^Remove the user name and password/);
  expect(problem("https://:secret@hooks.example.org/x")?.[0]).toMatch(/^Remove the user name and password/);
});
