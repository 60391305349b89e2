import { describe, expect, test } from "vitest";
import { ApiError } from "../api-client";
import { fieldErrorsOf, formLevelError, issuesInMessage } from "./field-errors";

describe("field errors", () => {
  test("the API's issues by field, body prefix removed, first message kept", () => {
    const error = new ApiError("Invalid body", 400, [
      { field: "body.sampling.temperature", message: "Too big" },
      { field: "body.sampling.temperature", message: "second" },
      { field: "body.datasets", message: "choose at least one dataset" },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ "sampling.temperature": "Too big", datasets: "choose at least one dataset" });
    expect(formLevelError(error)).toBeNull();
  });

  test("problems named only in the message are placed on their fields too", () => {
    expect(
      issuesInMessage(
        "cycle configuration is invalid: sampling.temperature: Too big: expected number to be <=2; datasets: choose at least one dataset",
      ),
    ).toEqual([
      { field: "sampling.temperature", message: "Too big: expected number to be <=2" },
      { field: "datasets", message: "choose at least one dataset" },
    ]);
    expect(fieldErrorsOf(new ApiError('backends.inference: no inference backend named "x"', 400))).toEqual({
      "backends.inference": 'no inference backend named "x"',
    });
  });

  test("an ordinary message stays a message", () => {
    const error = new ApiError("run 4 cannot be resumed: its cycle is done", 409);
    expect(issuesInMessage(error.message)).toEqual([]);
    expect(formLevelError(error)).toBe("run 4 cannot be resumed: its cycle is done");
  });
});
