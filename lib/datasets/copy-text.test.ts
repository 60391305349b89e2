import { describe, expect, it } from "vitest";
import { CopyBuffer } from "./copy-buffer";
import { copyJson, copyNullableText, copyNumber, copyText, UnstorableTextError } from "./copy-text";

/** Reads one COPY text field back, as PostgreSQL does (the escapes this module writes). */
function unescapeCopy(field: string): string | null {
  if (field === "\\N") return null;
  return field.replace(/\\(.)/g, (_, char: string) => ({ n: "\n", r: "\r", t: "\t", "\\": "\\" })[char] ?? char);
}

describe("COPY text fields", () => {
  it("escapes backslash, newline, carriage return and tab, so a field never splits a row", () => {
    const nasty = "a\tb\nc\rd\\e \\N é 😀";
    const field = copyText(nasty);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(field).toBe("a\\tb\\nc\\rd\\\\e \\\\N é 😀");
    expect(unescapeCopy(field)).toBe(nasty);
  });

  it("leaves ordinary text as it is and writes NULL as \\N", () => {
    expect(copyText("playing guitar")).toBe("playing guitar");
    expect(copyNullableText(null)).toBe("\\N");
    expect(copyNullableText("\\N")).toBe("\\\\N");
    expect(copyNumber(null)).toBe("\\N");
    expect(copyNumber(2.5)).toBe("2.5");
  });

  it("writes JSON whose escapes survive the COPY escaping", () => {
    const value = { text: 'say "hi"\n\tthen \\ leave', n: 1 };
    expect(JSON.parse(unescapeCopy(copyJson(value)) ?? "")).toEqual(value);
    expect(() => copyJson(undefined)).toThrow(/cannot store undefined as JSON/);
  });
});

describe("CopyBuffer", () => {
  it("keeps lines in order as UTF-8 across 64 KiB chunks, including lines longer than a chunk", () => {
    const buffer = new CopyBuffer();
    const lines = Array.from({ length: 3000 }, (_, i) => `${i}\tclé ${"x".repeat(i % 50)} 😀\n`);
    const long = `${"é".repeat(40_000)}\n`;
    for (const line of lines.slice(0, 1500)) buffer.write(line);
    buffer.write(long);
    for (const line of lines.slice(1500)) buffer.write(line);
    const expected = Buffer.from([...lines.slice(0, 1500), long, ...lines.slice(1500)].join(""), "utf8");
    expect(buffer.byteLength).toBe(expected.length);
    const chunks = buffer.take();
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    expect(buffer.take()).toEqual([]);
    expect(buffer.byteLength).toBe(0);
  });

  it("refuses a NUL in text or JSON, which PostgreSQL cannot store, but not an escaped backslash before u0000", () => {
    expect(() => copyText("a\0b")).toThrow(UnstorableTextError);
    expect(() => copyJson({ label: "a\0b" })).toThrow(UnstorableTextError);
    expect(copyJson({ label: "\\u0000" })).toBe(String.raw`{"label":"\\\\u0000"}`);
  });
});
