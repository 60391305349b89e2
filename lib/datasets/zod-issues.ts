import type { z } from "zod";
import type { ImportErrorCollector } from "./errors";

/** Reports a record's schema problems (at most `limit`), "missing field" for absent ones. */
export function reportZodIssues(
  errors: ImportErrorCollector,
  location: { file: string; recordKey?: string; line?: number },
  issues: readonly z.core.$ZodIssue[],
  limit = 5,
): void {
  for (const issue of issues.slice(0, limit)) {
    const field = issue.path.map(String).join(".");
    const reason = /received undefined$/.test(issue.message) ? "missing field" : issue.message;
    errors.add(field === "" ? { ...location, reason } : { ...location, field, reason });
  }
}
