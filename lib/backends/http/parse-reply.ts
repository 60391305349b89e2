import type { z } from "zod";
import { MalformedReplyError } from "@/lib/backends/errors";
import type { HttpResponse } from "@/lib/backends/http/send";
import { describeIssues } from "@/lib/backends/validation";

/**
 * Parses a 2xx body as JSON and validates it; anything else is a MalformedReplyError. `fast`, when
 * given, may accept the JSON without the schema (it must never accept what the schema refuses).
 */
export function parseJsonReply<S extends z.ZodType>(
  response: HttpResponse,
  schema: S,
  fast?: (json: unknown) => z.output<S> | undefined,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new MalformedReplyError(response.url, "body is not valid JSON", response.text);
  }
  const accepted = fast?.(json);
  if (accepted !== undefined) return accepted;
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new MalformedReplyError(response.url, describeIssues(result.error), response.text);
}
