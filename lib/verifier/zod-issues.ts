import type { z } from "zod";

/** "label.box[2]" style path of a zod issue, prefixed by `root` when given. */
export function issuePath(path: readonly PropertyKey[], root = ""): string {
  let text = root;
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text.length > 0 ? `.${String(key)}` : String(key);
  }
  return text.length > 0 ? text : "(root)";
}

/** One line naming every failing field and why, e.g. `keyword.threshold: Too big: expected number to be <=1`. */
export function describeIssues(error: z.ZodError, root = ""): string {
  return error.issues.map((issue) => `${issuePath(issue.path, root)}: ${issue.message}`).join("; ");
}
