import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorKind } from "@/lib/errors/domain-error";
import { HTTP_STATUS } from "./error-response";

/**
 * @deprecated Throw a DomainError (lib/errors/domain-error). Only lib/http/server-action.ts, which
 * nothing uses, still throws this; delete both together.
 */
export class HttpError extends DomainError {
  constructor(
    readonly status: number,
    message: string,
    details?: unknown,
  ) {
    super(kindOfStatus(status), message, { details });
  }
}

function kindOfStatus(status: number): DomainErrorKind {
  const kind = DOMAIN_ERROR_KINDS.find((candidate) => HTTP_STATUS[candidate] === status);
  if (kind === undefined) throw new Error(`No domain error kind answers with HTTP ${status}`);
  return kind;
}
