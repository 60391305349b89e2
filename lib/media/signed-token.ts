import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a signed media URL stays valid by default: long enough for a slow inference batch. */
export const DEFAULT_SIGNED_URL_SECONDS = 6 * 60 * 60;

const TOKEN = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})(?:\.mp4)?$/;

/**
 * A capability for one video: `<videoId>.<expiry epoch seconds>.<HMAC-SHA256>.mp4`. Whoever holds
 * it may fetch that video until it expires, without a session (inference backends fetch clips
 * this way). The key is derived from `secret` for this purpose only, so a token can never double
 * as anything else signed with the same secret.
 */
export function signVideoToken(videoId: number, secret: string, options: { expiresInSeconds?: number; now?: number } = {}): string {
  if (!Number.isSafeInteger(videoId) || videoId <= 0) throw new Error(`not a video id: ${videoId}`);
  const now = options.now ?? Date.now();
  const expiry = Math.floor(now / 1000) + Math.max(1, Math.floor(options.expiresInSeconds ?? DEFAULT_SIGNED_URL_SECONDS));
  return `${videoId}.${expiry}.${signature(videoId, expiry, secret)}.mp4`;
}

/** The video a token grants, or null when it is malformed, forged or expired. */
export function verifyVideoToken(token: string, secret: string, now = Date.now()): { videoId: number; expiresAt: Date } | null {
  const match = TOKEN.exec(token);
  if (match === null) return null;
  const videoId = Number(match[1]);
  const expiry = Number(match[2]);
  const given = Buffer.from(match[3] ?? "", "base64url");
  const expected = Buffer.from(signature(videoId, expiry, secret), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (expiry * 1000 <= now) return null;
  return { videoId, expiresAt: new Date(expiry * 1000) };
}

/** The purpose key of the last secret seen: a cycle signs one URL per request, always with the same secret. */
let derived: { secret: string; key: Buffer } | undefined;

function purposeKey(secret: string): Buffer {
  if (derived?.secret !== secret) derived = { secret, key: createHmac("sha256", secret).update("vstar:signed-media-url:v1").digest() };
  return derived.key;
}

function signature(videoId: number, expiry: number, secret: string): string {
  return createHmac("sha256", purposeKey(secret)).update(`video:${videoId}:${expiry}`).digest("base64url");
}
