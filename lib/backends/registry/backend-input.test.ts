import { describe, expect, test } from "vitest";
import { backendInputSchema, withoutUserInfo } from "./backend-input";

function issues(input: unknown): Record<string, string> {
  const result = backendInputSchema.safeParse(input);
  if (result.success) return {};
  // The first message per field, as the form shows it.
  return Object.fromEntries(result.error.issues.toReversed().map((issue) => [issue.path.join("."), issue.message]));
}

const inference = {
  name: "vllm-a100",
  role: "INFERENCE",
  kind: "openai",
  baseUrl: "http://gpu-1:8000/",
  settings: { model: "Qwen2.5-VL-7B-Instruct" },
};

describe("backend input", () => {
  test("a valid inference backend passes", () => {
    const parsed = backendInputSchema.parse(inference);
    expect(parsed.credential).toEqual({ source: "none" });
    expect(parsed.settings).toEqual({ model: "Qwen2.5-VL-7B-Instruct" });
  });

  test("the client's own schema reports bad settings on their field", () => {
    expect(issues({ ...inference, settings: { model: "m", maxConcurrency: 0 } })).toHaveProperty(["settings.maxConcurrency"]);
    expect(issues({ ...inference, settings: {} })).toHaveProperty(["settings.model"]);
    expect(issues({ ...inference, baseUrl: "ftp://x" })).toEqual({ baseUrl: "baseUrl must be an http(s) URL" });
  });

  test("a protocol that cannot play the role is refused on the kind field", () => {
    expect(issues({ ...inference, role: "TRAINING" }).kind).toMatch(/cannot serve as a training backend/);
  });

  test("an embeddings backend is checked against the embeddings client's settings, not the inference client's", () => {
    const embeddings = { ...inference, role: "EMBEDDINGS", settings: { model: "all-MiniLM-L6-v2", maxBatchSize: 64 } };
    expect(issues(embeddings)).toEqual({});
    expect(issues({ ...embeddings, settings: { model: "m", maxBatchSize: 0 } })).toHaveProperty(["settings.maxBatchSize"]);
    expect(issues({ ...embeddings, settings: { model: "m", questionAnswering: { path: "models/x" } } })).toHaveProperty([
      "settings.questionAnswering.path",
    ]);
    expect(issues({ ...embeddings, kind: "ray" }).kind).toMatch(/cannot serve as an embeddings backend/);
  });

  test("credentials are refused inside settings", () => {
    expect(issues({ ...inference, settings: { model: "m", apiKey: "sk-1" } })["settings.apiKey"]).toMatch(/credential field/);
  });

  test("slurm needs a credential and its own settings", () => {
    const slurm = {
      name: "cluster",
      role: "TRAINING",
      kind: "slurm",
      baseUrl: "http://slurm:6820",
      settings: { userName: "vstar", workingDirectory: "/shared" },
    };
    expect(issues(slurm)["credential.source"]).toMatch(/needs a credential/);
    expect(issues({ ...slurm, credential: { source: "env", envVar: "SLURM_JWT" } })).toEqual({});
    expect(
      issues({
        ...slurm,
        settings: { userName: "vstar", workingDirectory: "relative" },
        credential: { source: "env", envVar: "SLURM_JWT" },
      }),
    ).toHaveProperty(["settings.workingDirectory"]);
  });

  test("an environment variable name must be a shell identifier", () => {
    expect(issues({ ...inference, credential: { source: "env", envVar: "1BAD-NAME" } })).toHaveProperty(["credential.envVar"]);
  });

  test("the name is required and limited", () => {
    expect(issues({ ...inference, name: " " }).name).toBe("Give the backend a name");
    expect(issues({ ...inference, name: "a/b" }).name).toMatch(/Letters, digits/);
  });
});

describe("credentials in the URL", () => {
  test.each(["http://user:pass@gpu-1:8000", "http://user@gpu-1:8000", "http://:pass@gpu-1", "https://a%40b:c@gpu-1/v1"])(
    "%s is refused",
    (baseUrl) => {
      expect(issues({ ...inference, baseUrl }).baseUrl).toMatch(/Remove the user name and password from the URL/);
    },
  );

  test("a URL with @ only in its path or query is fine", () => {
    expect(issues({ ...inference, baseUrl: "http://gpu-1:8000/v1?user=a@b" })).toEqual({});
  });

  test.each([
    ["http://user:pass@gpu-1:8000/v1", "http://***@gpu-1:8000/v1"],
    ["http://gpu-1:8000/v1", "http://gpu-1:8000/v1"],
    ["not a url://user:pass@x", "not a url://user:pass@x"],
  ])("stored %s is shown as %s", (stored, shown) => {
    expect(withoutUserInfo(stored)).toBe(shown);
  });
});
