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
