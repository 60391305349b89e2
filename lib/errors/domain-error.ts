/**
 * What went wrong, in the words of the domain. Each kind is a different answer to the caller:
 * - invalid-input: the request itself is wrong (a field, a body, a cursor);
 * - unauthenticated: nobody is signed in;
 * - forbidden: the signed-in person may not do this;
 * - not-found: the thing named does not exist (or is not visible to this person);
 * - conflict: the thing exists but its state refuses the request (already taken, still running);
 * - gone: the thing existed, but what it pointed to has been removed;
 * - unprocessable: the request is well formed, but the data it points to cannot be worked on;
 * - too-large: the request (its body, an upload) is larger than the server takes;
 * - unavailable: a service the request needs (a GPU backend, ffmpeg) failed or is missing.
 */
export const DOMAIN_ERROR_KINDS = [
  "invalid-input",
  "unauthenticated",
  "forbidden",
  "not-found",
  "conflict",
  "gone",
  "unprocessable",
  "too-large",
  "unavailable",
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

/** One field's problem, named by its path in the input the caller gave (`datasets.0.sampleSize`). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  /** The input field at fault, as a path in the input the caller gave ("name", "credential.value"). */
  field?: string;
  /** The fields at fault when there are several, each with its own message. */
  issues?: FieldIssue[];
  /** Anything else the caller may need, passed on as it is. */
  details?: unknown;
  cause?: unknown;
}

/**
 * The one error type of the domain: a kind from a closed list and a message that names the problem,
 * fit to show to the person who made the request. lib/http maps the kind to a status code; other
 * callers (pages, the command line) decide on the kind. Anything else thrown is an internal error.
 */
export class DomainError extends Error {
  readonly field?: string;
  readonly issues?: FieldIssue[];
  readonly details?: unknown;

  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    if (options.field !== undefined) this.field = options.field;
    if (options.issues !== undefined) this.issues = options.issues;
    if (options.details !== undefined) this.details = options.details;
  }
}

export function isDomainError(error: unknown, kind?: DomainErrorKind): error is DomainError {
  return error instanceof DomainError && (kind === undefined || error.kind === kind);
}

/** `notFound("Cycle 4")` → "Cycle 4 was not found". */
export const notFound = (what: string) => new DomainError("not-found", `${what} was not found`);

/** The input is wrong as a whole, or in several fields (each issue names one). */
export const invalidInput = (message: string, issues?: FieldIssue[]) => new DomainError("invalid-input", message, { issues });

/** One field of the input is wrong; the message says how. */
export const invalidField = (field: string, message: string) => new DomainError("invalid-input", message, { field });

export const conflict = (message: string, options: { field?: string } = {}) => new DomainError("conflict", message, options);

export const forbidden = (message: string) => new DomainError("forbidden", message);

export const unauthenticated = (message = "Sign in required") => new DomainError("unauthenticated", message);

export const gone = (message: string) => new DomainError("gone", message);

export const unprocessable = (message: string) => new DomainError("unprocessable", message);

export const tooLarge = (message: string) => new DomainError("too-large", message);

export const unavailable = (message: string, cause?: unknown) => new DomainError("unavailable", message, { cause });
