import { readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signedVideoUrl } from "@/lib/datasets/signed-video-url";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { makePoster } from "@/lib/media/poster";
import { signVideoToken } from "@/lib/media/signed-token";
import { synthesizeDemoClip } from "@/lib/media/synthesize";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { GET as getSigned } from "./signed/[token]/route";
import { GET as getPoster } from "./videos/[id]/poster/route";
import { GET as getVideo } from "./videos/[id]/route";

const BASE = "http://localhost:3000";
let dir: string;
let clip: Buffer;
let cookie: string;
const ids: Record<"ready" | "pending" | "escaping" | "linked", number> = { ready: 0, pending: 0, escaping: 0, linked: 0 };
const saved = { root: process.env.VSTAR_MEDIA_ROOT, appUrl: process.env.APP_URL };

beforeAll(async () => {
  dir = await makeTempDir("media-routes");
  const store = path.join(dir, "store");
  process.env.VSTAR_MEDIA_ROOT = store;
  process.env.APP_URL = BASE;
  await synthesizeDemoClip("ball", path.join(store, "clips", "ball.mp4"), { durationSec: 3, fps: 24 });
  await makePoster(path.join(store, "clips", "ball.mp4"), path.join(store, "posters", "ball.jpg"), 1);
  clip = await readFile(path.join(store, "clips", "ball.mp4"));
  await writeFile(path.join(dir, "secret.mp4"), "outside the store");
  await symlink(path.join(dir, "secret.mp4"), path.join(store, "clips", "link.mp4"));

  const { rows } = await pool().query<{ id: number }>(`INSERT INTO "Dataset" (name, format) VALUES ($1, 'GENERIC') RETURNING id`, [
    `media routes ${Date.now()}`,
  ]);
  const datasetId = rows[0]!.id;
  const insert = async (key: string, status: string, mediaPath: string) =>
    (
      await pool().query<{ id: number }>(
        `INSERT INTO "Video" ("datasetId", key, "mediaStatus", "mediaPath", "posterPath") VALUES ($1, $2, $3::"MediaStatus", $4, 'posters/ball.jpg') RETURNING id`,
        [datasetId, key, status, mediaPath],
      )
    ).rows[0]!.id;
  ids.ready = await insert("ready", "READY", "clips/ball.mp4");
  ids.pending = await insert("pending", "PENDING", "clips/ball.mp4");
  ids.escaping = await insert("escaping", "READY", "../secret.mp4");
  ids.linked = await insert("linked", "READY", "clips/link.mp4");
  cookie = await sessionCookieFor("ANNOTATOR");
}, 60_000);

afterAll(async () => {
  for (const [key, value] of [
    ["VSTAR_MEDIA_ROOT", saved.root],
    ["APP_URL", saved.appUrl],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

function video(id: string | number, headers: Record<string, string> = {}, withCookie = true): Promise<Response> {
  const request = new Request(`${BASE}/api/media/videos/${id}`, { headers: { ...(withCookie ? { cookie } : {}), ...headers } });
  return getVideo(request, { params: Promise.resolve({ id: String(id) }) });
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("GET /api/media/videos/[id]", () => {
  it("needs a session", async () => {
    expect((await video(ids.ready, {}, false)).status).toBe(401);
  });

  it("serves the whole file with its type and caching headers", async () => {
    const response = await video(ids.ready);
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(["content-type", "accept-ranges", "content-length", "cache-control"].map((h) => [h, response.headers.get(h)])),
    ).toEqual({
      "content-type": "video/mp4",
      "accept-ranges": "bytes",
      "content-length": String(clip.length),
      "cache-control": "private, max-age=3600",
    });
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(response.headers.get("last-modified") ?? "").getTime()).toBeGreaterThan(0);
    expect((await bytes(response)).equals(clip)).toBe(true);
  });

  it.each([
    ["the first bytes", "bytes=0-99", 0, 99],
    ["the middle", "bytes=1000-2999", 1000, 2999],
    ["a suffix", "bytes=-500", -500, -1],
    ["from an offset to the end", "bytes=2000-", 2000, -1],
    ["an end past the file (clamped)", "bytes=10-99999999", 10, -1],
  ])("answers a range for %s with 206 and exactly those bytes", async (_name, range, from, to) => {
    const start = from < 0 ? clip.length + from : from;
    const end = to < 0 ? clip.length + to : to;
    const response = await video(ids.ready, { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${clip.length}`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect((await bytes(response)).equals(clip.subarray(start, end + 1))).toBe(true);
  });

  it("answers 416 for a range beyond the end", async () => {
    const response = await video(ids.ready, { range: `bytes=${clip.length}-${clip.length + 10}` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${clip.length}`);
  });

  it("revalidates with the ETag and ignores a range whose If-Range is stale", async () => {
    const etag = (await video(ids.ready)).headers.get("etag")!;
    expect((await video(ids.ready, { "if-none-match": etag })).status).toBe(304);
    const stale = await video(ids.ready, { range: "bytes=0-9", "if-range": '"stale-etag"' });
    expect(stale.status).toBe(200);
    const fresh = await video(ids.ready, { range: "bytes=0-9", "if-range": etag });
    expect(fresh.status).toBe(206);
  });

  it("treats a client that stops reading (a seek) as normal: no error logged", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await video(ids.ready);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it.each([
    ["a path instead of an id", "..%2F..%2Fetc%2Fpasswd"],
    ["a relative path", "../../etc/passwd"],
    ["an encoded dot-dot", "%2e%2e"],
    ["a fraction", "1.5"],
    ["a negative id", "-1"],
    ["a huge id", "99999999999999999999"],
    ["an unknown id", "2147483000"],
  ])("answers 404 for %s", async (_name, id) => {
    expect((await video(id)).status).toBe(404);
  });

  it("answers 404 for a video that is not ready, and for stored paths that would leave the media store", async () => {
    for (const id of [ids.pending, ids.escaping, ids.linked]) {
      const response = await video(id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("outside the store");
    }
  });
});

describe("GET /api/media/videos/[id]/poster", () => {
  it("serves the JPEG poster", async () => {
    const response = await getPoster(new Request(`${BASE}/api/media/videos/${ids.ready}/poster`, { headers: { cookie } }), {
      params: Promise.resolve({ id: String(ids.ready) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect((await bytes(response)).subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
  });
});

describe("GET /api/media/signed/[token]", () => {
  const signed = (url: string, headers: Record<string, string> = {}) =>
    getSigned(new Request(url, { headers }), { params: Promise.resolve({}) });

  it("serves a signed URL without a session, with ranges", async () => {
    const url = signedVideoUrl(ids.ready);
    expect(url).toMatch(new RegExp(`^${BASE}/api/media/signed/${ids.ready}\\.\\d+\\.[A-Za-z0-9_-]{43}\\.mp4$`));
    const response = await signed(url, { range: "bytes=0-15" });
    expect(response.status).toBe(206);
    expect((await bytes(response)).equals(clip.subarray(0, 16))).toBe(true);
  });

  it("refuses a tampered, expired or foreign token with 404", async () => {
    const url = signedVideoUrl(ids.ready);
    const otherVideo = url.replace(`/signed/${ids.ready}.`, `/signed/${ids.linked}.`);
    const expired = `${BASE}/api/media/signed/${signVideoToken(ids.ready, process.env.BETTER_AUTH_SECRET!, { now: Date.now() - 7 * 3600_000, expiresInSeconds: 60 })}`;
    const foreign = `${BASE}/api/media/signed/${signVideoToken(ids.ready, "another secret")}`;
    for (const bad of [otherVideo, expired, foreign, `${BASE}/api/media/signed/..%2F..%2Fetc%2Fpasswd`])
      expect((await signed(bad)).status).toBe(404);
  });
});

describe("with S3-compatible storage", () => {
  it("redirects to a presigned URL of the object instead of streaming", async () => {
    const env = {
      S3_ENDPOINT: "http://minio.internal:9000",
      S3_BUCKET: "vstar-media",
      S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_REGION: "eu-west-1",
    };
    Object.assign(process.env, env);
    try {
      const response = await video(ids.ready);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(location.origin).toBe("http://minio.internal:9000");
      expect(location.pathname).toBe("/vstar-media/clips/ball.mp4");
      expect(location.searchParams.get("X-Amz-Credential")).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
      expect(location.searchParams.get("response-content-type")).toBe("video/mp4");
      expect((await video(ids.pending)).status).toBe(404);
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
    }
  });
});
