import type { z } from "zod";
import { MalformedReplyError } from "@/lib/backends/errors";
import type { HttpResponse } from "@/lib/backends/http/send";
import { describeIssues } from "@/lib/backends/validation";

/** Parses a 2xx body as JSON and validates it; anything else is a MalformedReplyError. */
export function parseJsonReply<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new MalformedReplyError(response.url, "body is not valid JSON", response.text);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new MalformedReplyError(response.url, describeIssues(result.error), response.text);
}
