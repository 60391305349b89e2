import { tooLarge } from "@/lib/errors/domain-error";
import { formatBytes } from "@/lib/format/formatters";

/** The largest JSON body a route takes unless it says otherwise (RouteSpec.maxBodyBytes). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a body that says it is larger than `maxBytes` before a byte of it is read (413). A body
 * of unknown length (chunked) is measured as it is read by whoever reads it.
 */
export function refuseDeclaredLength(request: Request, maxBytes: number, what = "The request body"): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes, what);
}

export function bodyTooLarge(maxBytes: number, what = "The request body"): Error {
  return tooLarge(`${what} is larger than the ${formatBytes(maxBytes)} this request takes`);
}

/**
 * The body as text, read only up to `maxBytes`: past that, reading stops, the rest is never
 * taken in, and the answer is 413 — whatever Content-Length said, or if it said nothing.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  refuseDeclaredLength(request, maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * The same request with its body read (at most `maxBytes`, else 413) and held, for handlers that
 * read the body themselves (better-auth's endpoints take small JSON bodies).
 */
export async function withBodyWithin(request: Request, maxBytes: number): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return request;
  const text = await readBodyText(request, maxBytes);
  const headers = new Headers(request.headers);
  // The held text is re-encoded: its length is the new body's own.
  headers.delete("content-length");
  return new Request(request.url, { method: request.method, headers, body: text });
}
