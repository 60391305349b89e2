import { expect, test } from "vitest";
import { webhookUrlSchema, withMaskedWebhook } from "./webhook-url";

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

test("a run's settings shown to others keep the webhook's site and hide its path, in a launch config or a plan", () => {
  const config = { name: "run", notify: { webhookUrl: "https://hooks.slack.com/services/T0/B0/secret" } };
  expect(withMaskedWebhook(config)).toEqual({ name: "run", notify: { webhookUrl: "https://hooks.slack.com/…" } });
  expect(withMaskedWebhook({ version: 3, config, datasets: [] })).toEqual({
    version: 3,
    config: { name: "run", notify: { webhookUrl: "https://hooks.slack.com/…" } },
    datasets: [],
  });
  expect(withMaskedWebhook({ name: "run", notify: {} })).toEqual({ name: "run", notify: {} });
  expect(config.notify.webhookUrl).toContain("secret");
});
