import { afterEach, describe, expect, test, vi } from "vitest";
import {
  conflict,
  DOMAIN_ERROR_KINDS,
  DomainError,
  type DomainErrorKind,
  forbidden,
  gone,
  invalidField,
  invalidInput,
  notFound,
  unauthenticated,
  unavailable,
  tooLarge,
  unprocessable,
} from "@/lib/errors/domain-error";
import { log } from "@/lib/log";
import { errorResponse } from "./error-response";

afterEach(() => vi.restoreAllMocks());

const quiet = () => vi.spyOn(log, "error").mockImplementation(() => undefined);

async function answer(error: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = errorResponse(error);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("each kind answers with its status", () => {
  const expected: Record<DomainErrorKind, number> = {
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

  test("the table covers every kind", () => {
    expect(Object.keys(expected).sort()).toEqual([...DOMAIN_ERROR_KINDS].sort());
  });

  test.each(DOMAIN_ERROR_KINDS)("%s", async (kind) => {
    quiet();
    const { status, body } = await answer(new DomainError(kind, `a ${kind} problem`));
    expect(status).toBe(expected[kind]);
    expect(body).toEqual({ error: `a ${kind} problem` });
  });

  test.each([
    [notFound("Cycle 4"), 404, "Cycle 4 was not found"],
    [invalidInput("The request body is not valid JSON"), 400, "The request body is not valid JSON"],
    [conflict("Export 3 is not finished yet"), 409, "Export 3 is not finished yet"],
    [forbidden("The annotator role may not do this"), 403, "The annotator role may not do this"],
    [unauthenticated(), 401, "Sign in required"],
    [gone("The file is no longer there"), 410, "The file is no longer there"],
    [unprocessable("The dive has no label"), 422, "The dive has no label"],
    [unavailable("ffmpeg is not installed"), 503, "ffmpeg is not installed"],
    [tooLarge("The request body is larger than 1 MiB"), 413, "The request body is larger than 1 MiB"],
  ])("the helper making %s", async (error, status, message) => {
    quiet();
    expect(await answer(error)).toEqual({ status, body: { error: message } });
  });
});

describe("fields", () => {
  test("a field at fault is named in the body and, as a body field, in details.issues", async () => {
    const { status, body } = await answer(invalidField("credential.value", "Enter the credential to store"));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: "Enter the credential to store",
      field: "credential.value",
      details: { issues: [{ field: "body.credential.value", message: "Enter the credential to store" }] },
    });
  });

  test("beside its field, a message that starts with the field's name drops it", async () => {
    const { body } = await answer(invalidField("cycleId", "cycleId: cycle 9 does not exist"));
    expect(body).toEqual({
      error: "cycleId: cycle 9 does not exist",
      field: "cycleId",
      details: { issues: [{ field: "body.cycleId", message: "cycle 9 does not exist" }] },
    });
  });

  test("a conflict can name its field too", async () => {
    const { status, body } = await answer(conflict('A backend named "sim" already exists', { field: "name" }));
    expect(status).toBe(409);
    expect(body.field).toBe("name");
    expect(body.details).toEqual({ issues: [{ field: "body.name", message: 'A backend named "sim" already exists' }] });
  });

  test("several fields at fault each keep their own message", async () => {
    const { body } = await answer(
      invalidInput("Invalid body: datasets.0.dataset: no such dataset; backends.inference: no such backend", [
        { field: "datasets.0.dataset", message: "no such dataset" },
        { field: "backends.inference", message: "no such backend" },
      ]),
    );
    expect(body.field).toBeUndefined();
    expect(body.details).toEqual({
      issues: [
        { field: "body.datasets.0.dataset", message: "no such dataset" },
        { field: "body.backends.inference", message: "no such backend" },
      ],
    });
  });

  test("explicit details are passed on as they are", async () => {
    const details = { issues: [{ field: "query.limit", message: "Too big" }] };
    const { body } = await answer(new DomainError("invalid-input", "Invalid query", { field: "limit", details }));
    expect(body).toEqual({ error: "Invalid query", field: "limit", details });
  });
});

describe("anything else is an internal error", () => {
  test("500 with a reference, the message withheld and the error logged under that reference", async () => {
    const logged = quiet();
    const secret = new Error("connection to 10.0.0.7:5432 refused for user vstar");
    const { status, body } = await answer(secret);
    expect(status).toBe(500);
    expect(body.error).toMatch(/^Internal error \(reference [0-9a-f]{8}\)$/);
    expect(JSON.stringify(body)).not.toContain("10.0.0.7");
    const reference = /reference ([0-9a-f]{8})/.exec(String(body.error))?.[1];
    expect(logged).toHaveBeenCalledWith("Request failed", { component: "api", reference, error: secret });
  });

  test("a thrown non-Error is an internal error too", async () => {
    quiet();
    const { status, body } = await answer("just a string");
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("just a string");
  });

  test("a domain error of a 5xx kind is logged; a 4xx one is not", async () => {
    const logged = quiet();
    await answer(notFound("Cycle 1"));
    expect(logged).not.toHaveBeenCalled();
    await answer(unavailable("the GPU backend did not answer"));
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
