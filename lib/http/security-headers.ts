// Imported by next.config.ts (by relative path, before the app's "@/" alias exists): no imports here.

/** Where served media may come from besides this site: the S3 endpoint, whose signed URLs the player follows. */
function mediaOrigins(env: Readonly<Record<string, string | undefined>>): string[] {
  const endpoint = env.S3_ENDPOINT?.trim();
  if (!endpoint) return [];
  try {
    const { origin, hostname, protocol } = new URL(endpoint);
    // Virtual-hosted-style URLs (S3_FORCE_PATH_STYLE=false) put the bucket in front of the endpoint's host.
    const pathStyle = env.S3_FORCE_PATH_STYLE !== "false" && env.S3_FORCE_PATH_STYLE !== "0";
    const bucketHost = pathStyle ? [] : [`${protocol}//*.${hostname}`];
    return [origin, ...bucketHost];
  } catch {
    return [];
  }
}

/**
 * The Content-Security-Policy of every response. Next.js's App Router writes inline scripts (its
 * streamed page data) and video.js an inline <style>, hence 'unsafe-inline' for scripts and
 * styles; no other site's script, frame, object or form target is allowed, and no site may frame
 * this one. The development server also needs eval and its websocket (hot reload).
 */
export function contentSecurityPolicy(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dev = env.NODE_ENV === "development";
  const media = mediaOrigins(env);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...media],
    "media-src": ["'self'", "blob:", ...media],
    // video.js's icon font is a data: URL inside its stylesheet.
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...media, ...(dev ? ["ws:", "wss:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Security headers for every path (next.config.ts `headers()`). */
export function securityHeaders(env: Readonly<Record<string, string | undefined>> = process.env): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Page addresses (ids, filters) and signed media URLs stay on this site.
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
}
