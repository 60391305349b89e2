import { describe, expect, it } from "vitest";
import { isSafeRelativePath } from "../paths";
import { DATASET_FORMATS } from "../types";
import { defaultTemplates, TEMPLATE_VARIABLES } from "./defaults";
import { renderTemplate, TemplateError, templatePlaceholders } from "./render";
import { TemplateSet } from "./template-set";

describe("renderTemplate", () => {
  it("fills placeholders and keeps escaped braces", () => {
    expect(renderTemplate("Between {t1}s and {t2}s, {{what}}?", { t1: 1.5, t2: "3" })).toBe("Between 1.5s and 3s, {what}?");
    expect(templatePlaceholders("{a} {b} {a}")).toEqual(["a", "b"]);
  });

  it("errors on a missing variable and on an unbalanced brace", () => {
    expect(() => renderTemplate("When does {action} happen?", {})).toThrow(
      new TemplateError('template "When does {action} happen?" needs the variable {action}, which was not given'),
    );
    expect(() => renderTemplate("a {b", { b: 1 })).toThrow(TemplateError);
    expect(() => renderTemplate("a } b", {})).toThrow(/unbalanced/);
  });
});

describe("default templates", () => {
  it("are valid for every format and only use their kind's variables", () => {
    for (const format of DATASET_FORMATS) {
      const templates = defaultTemplates(format);
      expect(() => new TemplateSet(templates)).not.toThrow();
      for (const template of templates) {
        const allowed = TEMPLATE_VARIABLES[template.kind] ?? [];
        expect(templatePlaceholders(template.text).every((name) => allowed.includes(name))).toBe(true);
      }
    }
    expect(defaultTemplates("kinetics")[0]?.text).toBe("What type of activity is being performed in this video?");
  });

  it("returns copies, so editing one does not change the defaults", () => {
    const copy = defaultTemplates("star");
    (copy[0] as { text: string }).text = "changed";
    expect(defaultTemplates("star")[0]?.text).toBe("{question}");
  });
});

describe("TemplateSet", () => {
  it("picks a template per seed, independent of the input order, and skips kinds without templates", () => {
    const templates = [
      { key: "b", kind: "activity", text: "B?" },
      { key: "a", kind: "activity", text: "A?" },
    ];
    const forward = new TemplateSet(templates);
    const backward = new TemplateSet([...templates].reverse());
    const seeds = Array.from({ length: 40 }, (_, i) => `video-${i}`);
    expect(seeds.map((s) => forward.render("activity", s, {})?.templateKey)).toEqual(
      seeds.map((s) => backward.render("activity", s, {})?.templateKey),
    );
    expect(new Set(seeds.map((s) => forward.render("activity", s, {})?.text))).toEqual(new Set(["A?", "B?"]));
    expect(forward.render("star-when", "x", { action: "a" })).toBeNull();
  });

  it("rejects duplicate keys and malformed templates", () => {
    expect(
      () =>
        new TemplateSet([
          { key: "a", kind: "k", text: "x" },
          { key: "a", kind: "k", text: "y" },
        ]),
    ).toThrow(/used twice/);
    expect(() => new TemplateSet([{ key: "a", kind: "k", text: "" }])).toThrow(TemplateError);
    expect(() => new TemplateSet([{ key: "a", kind: "star-when", text: "When {verb}?" }])).toThrow(/offers \{action\}/);
  });
});

describe("isSafeRelativePath", () => {
  it("accepts plain relative paths and refuses anything that could escape", () => {
    for (const ok of ["a.mp4", "kinetics/x_000001_000011.mp4", "a/..b/c", "..a"]) expect(isSafeRelativePath(ok)).toBe(true);
    for (const bad of ["", "/a", "../a", "a/../b", "a/..", "./a", "a//b", "a/", "a\\b", "C:/a", "a\0b"])
      expect(isSafeRelativePath(bad)).toBe(false);
  });
});
