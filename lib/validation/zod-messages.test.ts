import { describe, expect, test } from "vitest";
import { z } from "zod";
import "./zod-messages";

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("validation messages in words", () => {
  test("limits, types and choices read as a person would say them", () => {
    const schema = z.object({
      temperature: z.number().min(0).max(2),
      batch: z.int().positive(),
      name: z.string().min(1).max(5),
      preset: z.enum(["paper", "reference-code"]),
      datasets: z.array(z.string()).min(1),
      count: z.number(),
      step: z.number().multipleOf(0.5),
      settings: z.strictObject({}),
      seed: z.int().max(2 ** 31 - 1),
    });
    expect(
      messages(schema, {
        temperature: 5,
        batch: 1.5,
        name: "",
        preset: "mine",
        datasets: [],
        step: 0.7,
        settings: { extra: 1 },
        seed: 2 ** 31,
      }),
    ).toEqual({
      temperature: "at most 2",
      batch: "must be a whole number",
      name: "must not be empty",
      preset: "must be one of: paper, reference-code",
      datasets: "choose at least one",
      count: "required",
      step: "must be a multiple of 0.5",
      settings: "unknown setting: extra",
      seed: "at most 2,147,483,647",
    });
    expect(messages(z.object({ n: z.number().gt(0), s: z.string().max(3), t: z.number() }), { n: 0, s: "abcd", t: "x" })).toEqual({
      n: "more than 0",
      s: "at most 3 characters",
      t: "must be a number",
    });
  });

  test("a message the schema states itself is kept", () => {
    expect(messages(z.object({ cycleId: z.int({ error: "Choose a cycle" }) }), {})).toEqual({ cycleId: "Choose a cycle" });
    expect(messages(z.string().max(3, "Search at most 3 characters"), "abcd")).toEqual({ "": "Search at most 3 characters" });
  });
});
