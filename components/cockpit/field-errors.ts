import { ApiError } from "../api-client";

/** The API's field issues as { field → first message }, without the "body." prefix. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  const issues = error.issues.length > 0 ? error.issues : issuesInMessage(error.message);
  for (const issue of issues) {
    const field = issue.field.replace(/^(body|query)\./, "");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The error's message when it is not only about fields (those are shown beside their fields). */
export function formLevelError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && (error.issues.length > 0 || issuesInMessage(error.message).length > 0)) return null;
  return error instanceof Error ? error.message : String(error);
}

const FIELD_PATH = /^[A-Za-z][\w]*(\.[\w]+)*$/;

/**
 * Field problems in a message that names them ("cycle configuration is invalid: sampling.temperature:
 * Too big; datasets: choose at least one"), for APIs that report them in words only.
 */
export function issuesInMessage(message: string): { field: string; message: string }[] {
  const body = message.replace(/^[^:]*\binvalid[^:]*:\s*/i, "");
  const issues: { field: string; message: string }[] = [];
  for (const part of body.split(/;\s+/)) {
    const colon = part.indexOf(": ");
    if (colon <= 0) return [];
    const field = part.slice(0, colon).trim();
    if (!FIELD_PATH.test(field)) return [];
    issues.push({ field, message: part.slice(colon + 2).trim() });
  }
  return issues;
}
