import { describe, expect, it } from "vitest";
import { signVideoToken, verifyVideoToken } from "./signed-token";

const SECRET = "test-secret-0123456789";
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("signed video tokens", () => {
  it("grant the signed video until they expire", () => {
    const token = signVideoToken(42, SECRET, { now: NOW, expiresInSeconds: 600 });
    expect(token).toMatch(/^42\.\d+\.[A-Za-z0-9_-]{43}\.mp4$/);
    expect(verifyVideoToken(token, SECRET, NOW + 599_000)).toEqual({ videoId: 42, expiresAt: new Date(NOW + 600_000) });
    expect(verifyVideoToken(token, SECRET, NOW + 600_000)).toBeNull();
  });

  it("refuse another video, another expiry, another secret and garbage", () => {
    const token = signVideoToken(42, SECRET, { now: NOW });
    const [, expiry, mac] = token.split(".");
    expect(verifyVideoToken(`43.${expiry}.${mac}.mp4`, SECRET, NOW)).toBeNull();
    expect(verifyVideoToken(`42.${Number(expiry) + 3600}.${mac}.mp4`, SECRET, NOW)).toBeNull();
    expect(verifyVideoToken(token, "another-secret", NOW)).toBeNull();
    for (const bad of ["", "42", "42.1.x.mp4", "../../etc/passwd", `${token}/x`]) expect(verifyVideoToken(bad, SECRET, NOW)).toBeNull();
  });

  it("refuses to sign what is not a video id", () => {
    expect(() => signVideoToken(0, SECRET)).toThrow(/not a video id/);
    expect(() => signVideoToken(1.5, SECRET)).toThrow(/not a video id/);
  });
});
