import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { z } from "zod";

/**
 * S3-compatible object storage for served media (AWS S3, MinIO, Ceph, R2...): S3_ENDPOINT,
 * S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION (default us-east-1), optional
 * S3_PREFIX for the keys and S3_FORCE_PATH_STYLE (default true: what MinIO and most
 * self-hosted stores need). Object keys are the media store's relative paths.
 */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
}

const REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const settingsSchema = z.object({
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL" }),
  S3_BUCKET: z.string().min(3, "S3_BUCKET must name a bucket"),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_PREFIX: z
    .string()
    .default("")
    .refine((prefix) => !prefix.startsWith("/") && !prefix.split("/").includes(".."), "S3_PREFIX must be a relative key prefix"),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false", "1", "0"]).default("true"),
});

/** The storage settings from the environment; null when S3 is not configured (media is served from disk). */
export function s3SettingsFromEnv(env: Record<string, string | undefined> = process.env): S3Settings | null {
  const given = REQUIRED.filter((name) => env[name]);
  if (given.length === 0) return null;
  if (given.length < REQUIRED.length) {
    throw new Error(
      `S3 storage is partly configured: set ${REQUIRED.filter((name) => !env[name]).join(", ")} too (or none of the S3_ variables)`,
    );
  }
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== "")),
  );
  if (!parsed.success)
    throw new Error(`S3 storage settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const values = parsed.data;
  return {
    endpoint: values.S3_ENDPOINT,
    bucket: values.S3_BUCKET,
    accessKeyId: values.S3_ACCESS_KEY_ID,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY,
    region: values.S3_REGION,
    prefix: values.S3_PREFIX === "" || values.S3_PREFIX.endsWith("/") ? values.S3_PREFIX : `${values.S3_PREFIX}/`,
    forcePathStyle: values.S3_FORCE_PATH_STYLE === "true" || values.S3_FORCE_PATH_STYLE === "1",
  };
}

const clients = new Map<string, S3Client>();

function clientFor(settings: S3Settings): S3Client {
  const cacheKey = JSON.stringify(settings);
  let client = clients.get(cacheKey);
  if (client === undefined) {
    client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Plain requests that every S3-compatible store accepts (no aws-chunked checksum trailers).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.set(cacheKey, client);
  }
  return client;
}

function objectKey(settings: S3Settings, relativePath: string): string {
  return `${settings.prefix}${relativePath}`;
}

/**
 * A presigned GET URL for a media file (computed locally: no network). `signingDate` pins the
 * signature time (tests).
 */
export async function presignedMediaUrl(
  settings: S3Settings,
  relativePath: string,
  options: { expiresInSeconds?: number; contentType?: string; signingDate?: Date } = {},
): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: settings.bucket,
    Key: objectKey(settings, relativePath),
    ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
  });
  return getSignedUrl(clientFor(settings), command, {
    expiresIn: options.expiresInSeconds ?? 3600,
    ...(options.signingDate ? { signingDate: options.signingDate } : {}),
  });
}

/** Uploads a media file under its relative path (the ingest step, when media is served from S3). */
export async function uploadMediaFile(settings: S3Settings, relativePath: string, filePath: string, contentType: string): Promise<void> {
  const { size } = await stat(filePath);
  await clientFor(settings).send(
    new PutObjectCommand({
      Bucket: settings.bucket,
      Key: objectKey(settings, relativePath),
      Body: createReadStream(filePath),
      ContentLength: size,
      ContentType: contentType,
    }),
  );
}
