import { HttpStatusError, NetworkError, RequestTimeoutError } from "@/lib/backends/errors";
import { parseRetryAfter } from "@/lib/backends/http/retry-after";

export interface HttpRequest {
  url: string;
  method: "GET" | "POST" | "DELETE";
  headers?: Record<string, string>;
  /** Serialized as JSON when present. */
  json?: unknown;
  timeoutMs: number;
  /** The caller's own cancellation; never retried. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange with a per-request timeout covering the whole body. Network failures and
 * timeouts become typed errors; a caller's abort is re-thrown as is. Status codes are not judged here.
 */
export async function send(request: HttpRequest): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.json !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal,
    });
    const text = await response.text();
    return { url: request.url, status: response.status, headers: response.headers, text };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    if (timeout.aborted) throw new RequestTimeoutError(request.url, request.timeoutMs);
    throw new NetworkError(request.url, error);
  }
}

export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

export function statusError(response: HttpResponse, now: () => number = Date.now): HttpStatusError {
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
  return new HttpStatusError(response.url, response.status, response.text, retryAfterMs);
}

/** Throws the status as a typed error unless it is 2xx. */
export function expectSuccess(response: HttpResponse): HttpResponse {
  if (!isSuccess(response)) throw statusError(response);
  return response;
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
