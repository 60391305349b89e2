import { DomainError, type DomainErrorKind, type FieldIssue } from "@/lib/errors/domain-error";
import { log } from "@/lib/log";
import { json } from "./json";

/** The one place a domain error's kind becomes an HTTP status. */
const HTTP_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  "invalid-input": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  "too-large": 413,
  unavailable: 503,
};

/** What the API answers on an error; `details.issues` name each field with where it was (`body.name`). */
interface ErrorBody {
  error: string;
  /** The input field at fault, when there is one. */
  field?: string;
  details?: unknown;
}

/**
 * The response for anything a route handler threw. A DomainError keeps its message (it is written
 * for the person who asked); its fields are fields of the request body, since that is the input
 * route handlers pass to services. Anything else is an internal error: logged with a short
 * reference, and answered with that reference only, never its message.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const status = HTTP_STATUS[error.kind];
    if (status >= 500) log.error("Request failed", { component: "api", kind: error.kind, error });
    return json(domainErrorBody(error), { status });
  }
  const reference = crypto.randomUUID().slice(0, 8);
  log.error("Request failed", { component: "api", reference, error });
  return json({ error: `Internal error (reference ${reference})` } satisfies ErrorBody, { status: 500 });
}

function domainErrorBody(error: DomainError): ErrorBody {
  const body: ErrorBody = { error: error.message };
  if (error.field !== undefined) body.field = error.field;
  const issues =
    error.issues ?? (error.field === undefined ? undefined : [{ field: error.field, message: withoutField(error.message, error.field) }]);
  const details = error.details ?? (issues === undefined ? undefined : { issues: issues.map(inBody) });
  if (details !== undefined) body.details = details;
  return body;
}

/** Beside its field, "datasets.0.dataset: no dataset 7" needs no field name: "no dataset 7". */
function withoutField(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

const inBody = (issue: FieldIssue): FieldIssue => ({ field: `body.${issue.field}`, message: issue.message });
