import { z } from "zod";
import { isLabelType, LABEL_TYPES, labelSchemas, type Target } from "@/lib/verifier/label-schemas";
import { issuePath } from "@/lib/verifier/zod-issues";

/** One input line of the verify CLI: `{"id", "labelType", "label", "answer", "kind"?}`. */
export interface VerifyRequest {
  readonly id: string | number;
  readonly target: Target;
  readonly answer: string;
  /** The question's kind, for the `reference-code` preset's choice of released rule. */
  readonly questionKind?: string;
}

export type ParsedLine =
  | { readonly ok: true; readonly request: VerifyRequest }
  | { readonly ok: false; readonly id?: string | number; readonly error: string };

const envelopeSchema = z.object({
  id: z.union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? "missing; expected a string or number" : "expected a string or number"),
  }),
  labelType: z.string(),
  label: z.unknown(),
  answer: z.string(),
  kind: z.string().optional(),
});

/** Parses and validates one JSON line; errors name the line number, the id when known, and the field. */
export function parseInputLine(text: string, lineNumber: number): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `line ${lineNumber}: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { ok: false, error: `line ${lineNumber}: expected a JSON object with id, labelType, label, answer` };
  }
  const rawId = (json as { id?: unknown }).id;
  const id = typeof rawId === "string" || typeof rawId === "number" ? rawId : undefined;
  const where = id === undefined ? `line ${lineNumber}` : `line ${lineNumber} (id ${JSON.stringify(id)})`;
  const withId = id === undefined ? {} : { id };

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, ...withId, error: `${where}: ${describeFieldIssues(envelope.error)}` };
  const { labelType, label, answer } = envelope.data;
  if (!isLabelType(labelType)) {
    return {
      ok: false,
      ...withId,
      error: `${where}: field labelType: unknown label type ${JSON.stringify(labelType)}; expected one of ${LABEL_TYPES.join(", ")}`,
    };
  }
  const parsedLabel = labelSchemas[labelType].safeParse(label);
  if (!parsedLabel.success) {
    return { ok: false, ...withId, error: `${where}: ${describeFieldIssues(parsedLabel.error, "label")} (labelType ${labelType})` };
  }
  const target = { labelType, label: parsedLabel.data } as Target;
  const kind = envelope.data.kind;
  return { ok: true, request: { id: envelope.data.id, target, answer, ...(kind === undefined ? {} : { questionKind: kind }) } };
}

function describeFieldIssues(error: z.ZodError, root = ""): string {
  return error.issues.map((issue) => `field ${issuePath(issue.path, root)}: ${issue.message}`).join("; ");
}
