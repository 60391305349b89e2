import { describe, expect, it } from "vitest";
import { configHash, PRESETS, resolveVerifierConfig, VerifierConfigError, verifierOverridesSchema } from "@/lib/verifier/config";
import { SPACY_ENGLISH_STOP_WORDS } from "@/lib/verifier/keywords/spacy-english-stop-words";

describe("resolveVerifierConfig", () => {
  it("defaults to the paper's thresholds", () => {
    const config = resolveVerifierConfig();
    expect(config.preset).toBe("paper");
    expect(config.keyword).toMatchObject({ threshold: 0.8, strict: false });
    expect(config.bbox.threshold).toBe(0.5);
    expect(config.interval.threshold).toBe(0.75);
    expect(config.caption.threshold).toBe(0.7);
    expect(config.float.maxRelativeError).toBe(0.1);
    expect(config.timestamp.maxAbsError).toBe(1);
  });

  it("reproduces the released code's rule in the reference-code preset", () => {
    const config = resolveVerifierConfig("reference-code");
    expect(config.keyword).toEqual({ threshold: 0.85, strict: true, minWordLength: 3, stopWords: "spacy-en", filterAnswerWords: true });
    expect(config.interval).toEqual({ threshold: 0.5, strict: true });
    expect(config.timestamp.maxAbsError).toBe(0.1);
  });

  it("lays overrides over the preset and freezes the result", () => {
    const config = resolveVerifierConfig("reference-code", { keyword: { threshold: 0.9 }, timestamp: { maxAbsError: 0.5 } });
    expect(config.keyword.threshold).toBe(0.9);
    expect(config.keyword.strict).toBe(true);
    expect(config.timestamp.maxAbsError).toBe(0.5);
    expect(Object.isFrozen(config.keyword)).toBe(true);
    expect(PRESETS["reference-code"].keyword.threshold).toBe(0.85);
  });

  it.each([
    [{ keyword: { threshold: 1.5 } }, /keyword\.threshold/],
    [{ keyword: { treshold: 0.9 } }, /keyword/],
    [{ colour: "red" }, /colour|Unrecognized/],
    [{ sequence: { matching: "vibes" } }, /sequence\.matching/],
    ["not an object", /invalid verifier overrides/],
  ])("rejects bad overrides %j naming the field", (overrides, message) => {
    expect(() => resolveVerifierConfig("paper", overrides)).toThrow(VerifierConfigError);
    expect(() => resolveVerifierConfig("paper", overrides)).toThrow(message);
  });

  it("rejects an unknown preset", () => {
    // @ts-expect-error: testing a bad value from untyped input
    expect(() => resolveVerifierConfig("vibes")).toThrow(/unknown verifier preset "vibes"/);
  });

  it("exposes the overrides schema for callers validating configs", () => {
    expect(verifierOverridesSchema.safeParse({ caption: { threshold: 0.6 } }).success).toBe(true);
    expect(verifierOverridesSchema.safeParse({ caption: { threshold: -1 } }).success).toBe(false);
  });
});

describe("configHash", () => {
  it("is short, stable across equal configurations and differs between different ones", () => {
    const a = configHash(resolveVerifierConfig("paper", { keyword: { threshold: 0.9 } }));
    const b = configHash(resolveVerifierConfig("paper", { keyword: { threshold: 0.9 } }));
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(configHash(resolveVerifierConfig("paper")));
  });
});

describe("spaCy stop list", () => {
  it("holds spaCy v3's 326 English stop words", () => {
    expect(new Set(SPACY_ENGLISH_STOP_WORDS).size).toBe(326);
    expect(SPACY_ENGLISH_STOP_WORDS).toEqual(expect.arrayContaining(["the", "part", "n't", "’ve", "whereupon"]));
  });
});
