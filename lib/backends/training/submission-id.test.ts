import { describe, expect, it } from "vitest";
import { llamaFactoryTrainCommand, shellQuote } from "@/lib/backends/training/entrypoint";
import { trainingSubmissionId } from "@/lib/backends/training/submission-id";
import { trainingJobSpecSchema } from "@/lib/backends/training/types";

describe("trainingSubmissionId", () => {
  it("is deterministic per cycle and valid as a job id", () => {
    expect(trainingSubmissionId("cm5x9 abc/def", 2)).toBe("vstar-cm5x9-abc-def-c2");
    expect(trainingSubmissionId("cm5x9 abc/def", 2)).toBe(trainingSubmissionId("cm5x9 abc/def", 2));
    expect(trainingSubmissionId("c", 2, 1)).toBe("vstar-c-c2-r1");
    const id = trainingSubmissionId("x".repeat(500), 12, 3);
    expect(trainingJobSpecSchema.shape.submissionId.safeParse(id).success).toBe(true);
  });
});

describe("shell quoting", () => {
  it("leaves plain paths alone and single-quotes the rest", () => {
    expect(shellQuote("/shared/run-1/train.yaml")).toBe("/shared/run-1/train.yaml");
    expect(shellQuote("/a b/it's.yaml")).toBe(`'/a b/it'\\''s.yaml'`);
    expect(llamaFactoryTrainCommand("/x y.yaml", "/opt/bin/llamafactory-cli")).toBe("/opt/bin/llamafactory-cli train '/x y.yaml'");
  });
});
