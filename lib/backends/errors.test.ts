import { expect, test } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { CircuitOpenError, HttpStatusError, isRetryable, NetworkError } from "./errors";

test("a backend failure is an unavailable domain error that keeps its retry facts", () => {
  const cause = new Error("ECONNREFUSED");
  const failures = [
    new HttpStatusError("http://gpu/v1", 503, "busy"),
    new NetworkError("http://gpu/v1", cause),
    new CircuitOpenError("gpu", 500),
  ];
  for (const failure of failures) {
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure.kind).toBe("unavailable");
  }
  expect(failures.map(isRetryable)).toEqual([true, true, false]);
  expect(failures[1]?.cause).toBe(cause);
  expect(failures.map((failure) => failure.name)).toEqual(["HttpStatusError", "NetworkError", "CircuitOpenError"]);
});
