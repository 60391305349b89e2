import { expect, test } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

test("the production policy allows this site's scripts only, no framing, no objects", () => {
  const policy = directives(contentSecurityPolicy({ NODE_ENV: "production" }));
  expect(policy["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  expect(policy["object-src"]).toEqual(["'none'"]);
  expect(policy["media-src"]).toEqual(["'self'", "blob:"]);
  expect(policy["connect-src"]).toEqual(["'self'"]);
});

test("the development server may eval and open its hot-reload websocket", () => {
  const policy = directives(contentSecurityPolicy({ NODE_ENV: "development" }));
  expect(policy["script-src"]).toContain("'unsafe-eval'");
  expect(policy["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
});

test("media served from S3 through signed URLs may load from its endpoint", () => {
  const pathStyle = directives(contentSecurityPolicy({ S3_ENDPOINT: "https://minio.lab:9000/" }));
  expect(pathStyle["media-src"]).toEqual(["'self'", "blob:", "https://minio.lab:9000"]);
  const hosted = directives(contentSecurityPolicy({ S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com", S3_FORCE_PATH_STYLE: "false" }));
  expect(hosted["media-src"]).toEqual(["'self'", "blob:", "https://s3.eu-west-1.amazonaws.com", "https://*.s3.eu-west-1.amazonaws.com"]);
});

test("every response also gets nosniff, a same-origin referrer and no framing", () => {
  expect(Object.fromEntries(securityHeaders({}).map(({ key, value }) => [key, value]))).toMatchObject({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  });
});
