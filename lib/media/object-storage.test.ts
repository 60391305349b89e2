import { createHash, createHmac } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { presignedMediaUrl, s3SettingsFromEnv, uploadMediaFile, type S3Settings } from "./object-storage";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ENV = {
  S3_ENDPOINT: "http://127.0.0.1:9000",
  S3_BUCKET: "vstar-media",
  S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
  S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  S3_REGION: "eu-central-1",
  S3_PREFIX: "studio",
};

describe("s3SettingsFromEnv", () => {
  it("is null without S3 variables and complete with them", () => {
    expect(s3SettingsFromEnv({})).toBeNull();
    expect(s3SettingsFromEnv(ENV)).toEqual({
      endpoint: "http://127.0.0.1:9000",
      bucket: "vstar-media",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: ENV.S3_SECRET_ACCESS_KEY,
      region: "eu-central-1",
      prefix: "studio/",
      forcePathStyle: true,
    });
    expect(s3SettingsFromEnv({ ...ENV, S3_REGION: undefined, S3_PREFIX: undefined })).toMatchObject({ region: "us-east-1", prefix: "" });
  });

  it("names what is missing or wrong", () => {
    expect(() => s3SettingsFromEnv({ S3_ENDPOINT: ENV.S3_ENDPOINT, S3_BUCKET: "b-1" })).toThrow(
      "set S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY too",
    );
    expect(() => s3SettingsFromEnv({ ...ENV, S3_ENDPOINT: "ftp://x" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => s3SettingsFromEnv({ ...ENV, S3_PREFIX: "../up" })).toThrow(/S3_PREFIX/);
  });
});

/** AWS Signature V4 for a presigned GET, computed independently of the SDK (the published algorithm). */
function expectedSignature(url: URL, settings: S3Settings): string {
  const params = [...url.searchParams.entries()]
    .filter(([key]) => key !== "X-Amz-Signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonicalQuery = params.map(([key, value]) => `${encode(key)}=${encode(value)}`).join("&");
  const canonicalRequest = ["GET", url.pathname, canonicalQuery, `host:${url.host}\n`, "host", "UNSIGNED-PAYLOAD"].join("\n");
  const amzDate = url.searchParams.get("X-Amz-Date")!;
  const scope = `${amzDate.slice(0, 8)}/${settings.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, amzDate.slice(0, 8)), settings.region), "s3"), "aws4_request");
  return createHmac("sha256", signingKey).update(toSign).digest("hex");
}

describe("presignedMediaUrl", () => {
  const settings = s3SettingsFromEnv(ENV)!;

  it("signs a GET of the object under the prefix, path-style, computed offline", async () => {
    const url = new URL(
      await presignedMediaUrl(settings, "derived/kinetics/a b.mp4", {
        expiresInSeconds: 900,
        contentType: "video/mp4",
        signingDate: new Date("2026-03-01T10:00:00Z"),
      }),
    );
    expect(url.origin).toBe("http://127.0.0.1:9000");
    expect(url.pathname).toBe("/vstar-media/studio/derived/kinetics/a%20b.mp4");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": "AKIDEXAMPLE/20260301/eu-central-1/s3/aws4_request",
      "X-Amz-Date": "20260301T100000Z",
      "X-Amz-Expires": "900",
      "X-Amz-SignedHeaders": "host",
      "response-content-type": "video/mp4",
    });
    expect(url.searchParams.get("X-Amz-Signature")).toBe(expectedSignature(url, settings));
  });

  it("gives another signature for another secret", async () => {
    const at = { signingDate: new Date("2026-03-01T10:00:00Z") };
    const a = new URL(await presignedMediaUrl(settings, "x.mp4", at)).searchParams.get("X-Amz-Signature");
    const b = new URL(await presignedMediaUrl({ ...settings, secretAccessKey: "other" }, "x.mp4", at)).searchParams.get("X-Amz-Signature");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
  });
});

describe("uploadMediaFile", () => {
  let dir: string;
  const received: { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { etag: '"abc"' }).end();
    });
  });

  beforeAll(async () => {
    dir = await makeTempDir("s3-upload");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await removeTempDir(dir);
  });

  it("PUTs the file's bytes to bucket/prefix/key with its type and length, signed", async () => {
    const file = path.join(dir, "clip.mp4");
    const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    await writeFile(file, content);
    const { port } = server.address() as AddressInfo;
    const settings = s3SettingsFromEnv({ ...ENV, S3_ENDPOINT: `http://127.0.0.1:${port}` })!;
    await uploadMediaFile(settings, "posters/1/2.mp4", file, "video/mp4");
    expect(received).toHaveLength(1);
    const [put] = received;
    expect(put?.method).toBe("PUT");
    expect(put?.url.split("?")[0]).toBe("/vstar-media/studio/posters/1/2.mp4");
    expect(put?.headers["content-type"]).toBe("video/mp4");
    expect(put?.headers["content-length"]).toBe("5000");
    expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request/);
    expect(put?.body.equals(content)).toBe(true);
  });
});
