import { BackendFieldError } from "@/lib/backends/registry";
import { BackendInUseError, BackendNameTakenError } from "@/lib/backends/registry/backend-repository";
import { HttpError } from "@/lib/http/http-error";

/** Turns the repository's refusals into responses that name the field, as body validation does. */
export function backendWriteErrors(error: unknown): never {
  if (error instanceof BackendFieldError) {
    throw new HttpError(400, error.message, { issues: [{ field: `body.${error.field}`, message: error.message }] });
  }
  if (error instanceof BackendNameTakenError)
    throw new HttpError(409, error.message, { issues: [{ field: "body.name", message: error.message }] });
  if (error instanceof BackendInUseError) throw new HttpError(409, error.message);
  throw error;
}
