import { describe, expect, test } from "vitest";
import { changedPaths, getAt, overridesFrom, setAt } from "./config-values";
import { fieldKind, leafPaths } from "./json-schema";

describe("config values", () => {
  test("set and get by dotted path, without touching the original", () => {
    const original = { sampling: { temperature: 0.2 }, name: "run" };
    const changed = setAt(original, "sampling.temperature", 0.7);
    expect(getAt(changed, "sampling.temperature")).toBe(0.7);
    expect(original.sampling.temperature).toBe(0.2);
    expect(getAt(setAt(changed, "training.video.maxPixels", 200_704), "training.video.maxPixels")).toBe(200_704);
    expect(setAt(changed, "name", undefined)).not.toHaveProperty("name");
  });

  test("changed paths name every leaf that differs, arrays as a whole", () => {
    const before = { name: "a", sampling: { temperature: 0.2, topP: 1 }, datasets: [{ dataset: 1 }] };
    expect(changedPaths(before, structuredClone(before))).toEqual([]);
    expect(changedPaths(before, { name: "a", sampling: { temperature: 0.7, topP: 1, extra: true }, datasets: [{ dataset: 2 }] })).toEqual([
      "datasets",
      "sampling.extra",
      "sampling.temperature",
    ]);
  });

  test("verifier overrides keep only what differs from the preset", () => {
    const preset = { keyword: { threshold: 0.8, strict: false }, bbox: { threshold: 0.5 } };
    expect(overridesFrom(preset, { keyword: { threshold: 0.85, strict: false }, bbox: { threshold: 0.5 } })).toEqual({
      keyword: { threshold: 0.85 },
    });
    expect(overridesFrom(preset, preset)).toEqual({});
  });
});

describe("schema fields", () => {
  test("kinds of inputs follow the schema", () => {
    expect(fieldKind({ type: "boolean" })).toEqual({ kind: "boolean" });
    expect(fieldKind({ anyOf: [{ type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 }, { type: "null" }] })).toEqual({
      kind: "number",
      integer: true,
      nullable: true,
      min: 0,
    });
    expect(fieldKind({ type: "number", minimum: 0, maximum: 2 })).toEqual({
      kind: "number",
      integer: false,
      nullable: false,
      min: 0,
      max: 2,
    });
    expect(fieldKind({ type: "string", enum: ["cosine", "linear"] })).toEqual({ kind: "enum", options: ["cosine", "linear"] });
    expect(fieldKind({ type: "array", items: { type: "string" } })).toEqual({ kind: "list" });
    expect(fieldKind({ anyOf: [{ type: "integer" }, { type: "string" }] })).toEqual({ kind: "json" });
  });

  test("leaf paths walk nested groups", () => {
    const schema = { type: "object", properties: { a: { type: "string" }, b: { type: "object", properties: { c: { type: "boolean" } } } } };
    expect(leafPaths(schema)).toEqual(["a", "b.c"]);
  });
});
