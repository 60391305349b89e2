import type { z } from "zod";

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

/** Parses with a schema, or throws an error naming what was parsed and every invalid field. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`invalid ${what}: ${describeIssues(result.error)}`);
}
