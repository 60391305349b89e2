/** Any origin stands in for ours: only whether a target leaves it matters. */
const BASE = "http://same-origin.invalid";
// C0 controls, DEL, and the separators a URL parser drops or a browser treats as a slash.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it refuses
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
/** How many rounds of percent-decoding are checked: a target is often decoded again on its way. */
const DECODE_ROUNDS = 3;

/**
 * `candidate` as a path on this site to go to after signing in, or `fallback` when it is anything
 * else. A browser reads `/\evil.example`, `//evil.example`, `/\t/evil.example` and
 * `javascript:...` as another site or a script, so only a value that starts with one "/", holds no
 * backslash or control character, and stays on the same origin when resolved the way a browser
 * resolves it is followed — also after percent-decoding (`%5C`, `%2F%2F`), in case the value is
 * decoded once more later. Returns the resolved path, query and fragment.
 */
export function sameOriginPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string" || candidate.length > 2048) return fallback;
  let value = candidate;
  for (let round = 0; round <= DECODE_ROUNDS; round += 1) {
    if (!isLocalPath(value)) return fallback;
    const decoded = safeDecode(value);
    if (decoded === null) return fallback;
    if (decoded === value) break;
    value = decoded;
  }
  const resolved = new URL(candidate, BASE);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function isLocalPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return false;
  try {
    return new URL(value, BASE).origin === BASE;
  } catch {
    return false;
  }
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
