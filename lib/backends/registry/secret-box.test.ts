import { describe, expect, test } from "vitest";
import { openSecret, sealSecret, UnreadableSecretError } from "./secret-box";

const KEY = "a-test-key-material-that-is-long-enough";

describe("secret box", () => {
  test("a sealed secret opens with the same key and does not contain the plaintext", () => {
    const sealed = sealSecret("sk-live-123456", KEY);
    expect(sealed).not.toContain("sk-live-123456");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(openSecret(sealed, KEY)).toBe("sk-live-123456");
  });

  test("sealing twice gives different ciphertexts (fresh IV each time)", () => {
    expect(sealSecret("same", KEY)).not.toBe(sealSecret("same", KEY));
  });

  test("another key cannot open it", () => {
    const sealed = sealSecret("token", KEY);
    expect(() => openSecret(sealed, `${KEY}-rotated`)).toThrow(UnreadableSecretError);
  });

  test("a tampered ciphertext is refused", () => {
    const [version, iv, tag, body] = sealSecret("token-value", KEY).split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([version, iv, tag, flipped.toString("base64url")].join("."), KEY)).toThrow(/authentication failed/);
  });

  test("a malformed value names the problem", () => {
    expect(() => openSecret("plain-text", KEY)).toThrow(/unknown format/);
  });

  test("unicode survives the round trip", () => {
    expect(openSecret(sealSecret("clé-🔑", KEY), KEY)).toBe("clé-🔑");
  });
});
