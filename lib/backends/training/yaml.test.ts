import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pyYamlFloat, toFlatYaml, yamlFloat, yamlScalar } from "@/lib/backends/training/yaml";

// PyYAML's YAML 1.1 resolver (yaml/resolver.py): what LLaMA-Factory's loader reads as float or int.
const PYYAML_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PYYAML_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

describe("pyYamlFloat", () => {
  it("writes floats PyYAML reads as floats, not strings", () => {
    expect(pyYamlFloat(2e-5)).toBe("2.0e-5");
    expect(pyYamlFloat(0.03)).toBe("0.03");
    expect(pyYamlFloat(1e21)).toBe("1.0e+21");
    expect(pyYamlFloat(1.5e-7)).toBe("1.5e-7");
    expect(pyYamlFloat(3)).toBe("3.0");
  });

  it("always matches PyYAML's float pattern and reads back to the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = pyYamlFloat(value);
        expect(text).toMatch(PYYAML_FLOAT);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe("toFlatYaml", () => {
  it("writes integers, booleans and JSON-quoted strings", () => {
    expect(toFlatYaml({ epochs: 1, bf16: true, template: "qwen2_vl", lr: 2e-5 })).toBe(
      'epochs: 1\nbf16: true\ntemplate: "qwen2_vl"\nlr: 2.0e-5\n',
    );
    expect(yamlScalar(128)).toMatch(PYYAML_INT);
    expect(yamlScalar(yamlFloat(1))).toBe("1.0");
  });

  it("quotes strings YAML would otherwise read as something else", () => {
    for (const tricky of [
      "yes",
      "null",
      "1e5",
      "a: b",
      "#comment",
      "- item",
      "'quoted'",
      'say "hi"',
      "multi\nline",
      "tab\there",
      "ü/日本",
    ]) {
      const text = yamlScalar(tricky);
      expect(text.startsWith('"') && text.endsWith('"')).toBe(true);
      expect(JSON.parse(text)).toBe(tricky);
    }
  });

  it("refuses keys that are not plain identifiers and non-finite numbers", () => {
    expect(() => toFlatYaml({ "bad key": 1 })).toThrow(/bad key/);
    expect(() => toFlatYaml({ lr: Number.NaN })).toThrow(/lr/);
  });
});
