import { expect, test } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { MediaError } from "./errors";

test.each([
  ["not-found", "not-found"],
  ["unplayable", "unprocessable"],
  ["ffmpeg-failed", "unprocessable"],
  ["tool-missing", "unavailable"],
  ["invalid-argument", "invalid-input"],
  ["timeout", "unavailable"],
] as const)("a %s media error is a %s domain error and keeps its code", (code, kind) => {
  const error = new MediaError(code, "the reason", "/media/clip.mp4");
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ kind, code, reason: "the reason", name: "MediaError" });
  expect(error.message).toBe(`${code}: the reason (/media/clip.mp4)`);
});
