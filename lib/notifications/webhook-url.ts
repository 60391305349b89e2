import { z } from "zod";
import { hasUserInfo } from "@/lib/backends/registry/backend-input";

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Where a run's end is posted (a Slack incoming webhook, or anything taking JSON): http(s) only, and
 * no user name or password in it, as backend URLs refuse them.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine(isHttpUrl, "Enter an http:// or https:// URL")
  .refine((url) => !hasUserInfo(url), "Remove the user name and password from the URL: it is shown to the people who can see the run");

/**
 * A webhook URL as people other than its owner see it: the site only. A Slack incoming webhook's
 * path is its secret (whoever has it can post to the channel).
 */
function maskWebhookUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "…";
  }
}

/**
 * A launch configuration (or the engine's plan around one, `{ version, config, … }`) with its
 * `notify.webhookUrl` masked, for pages that show a run's settings to everyone who may see the run.
 */
export function withMaskedWebhook(config: unknown): unknown {
  if (!isObject(config)) return config;
  if ("version" in config && isObject(config.config)) return { ...config, config: withMaskedWebhook(config.config) };
  const { notify } = config;
  if (!isObject(notify) || typeof notify.webhookUrl !== "string") return config;
  return { ...config, notify: { ...notify, webhookUrl: maskWebhookUrl(notify.webhookUrl) } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
