/**
 * Emits a flat YAML mapping LLaMA-Factory (PyYAML, YAML 1.1) reads back exactly:
 * strings double-quoted with JSON escapes (valid YAML double-quoted scalars), floats always with a
 * dot and a signed exponent (PyYAML reads `2e-5` as a string), integers and booleans plain.
 */
export type FlatYamlValue = string | number | boolean | YamlFloat;

/** A number that must be written as a float even when it is whole (e.g. `num_train_epochs: 1.0`). */
export class YamlFloat {
  constructor(readonly value: number) {}
}

export function yamlFloat(value: number): YamlFloat {
  return new YamlFloat(value);
}

export function toFlatYaml(entries: Record<string, FlatYamlValue>): string {
  return Object.entries(entries)
    .map(([key, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`YAML key '${key}' must be a plain identifier`);
      return `${key}: ${yamlScalar(value, key)}`;
    })
    .join("\n")
    .concat("\n");
}

export function yamlScalar(value: FlatYamlValue, key = "value"): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") {
    if (/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))) {
      throw new Error(`YAML value of '${key}' contains a lone surrogate`);
    }
    return JSON.stringify(value);
  }
  const number = value instanceof YamlFloat ? value.value : value;
  if (!Number.isFinite(number)) throw new Error(`YAML value of '${key}' must be a finite number, got ${number}`);
  if (value instanceof YamlFloat) return pyYamlFloat(number);
  return Number.isInteger(number) && Math.abs(number) < 1e15 ? String(number) : pyYamlFloat(number);
}

/** A float in a form PyYAML's YAML 1.1 resolver recognises: digits, a dot, optional signed exponent. */
export function pyYamlFloat(value: number): string {
  const small = value !== 0 && Math.abs(value) < 1e-3;
  const plain = small ? value.toExponential() : String(value);
  if (!/e/i.test(plain)) return plain.includes(".") ? plain : `${plain}.0`;
  const [mantissa = "", exponent = ""] = plain.toLowerCase().split("e");
  const dotted = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  const signed = exponent.startsWith("-") || exponent.startsWith("+") ? exponent : `+${exponent}`;
  return `${dotted}e${signed}`;
}
