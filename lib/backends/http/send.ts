import http from "node:http";
import https from "node:https";
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
 * Keep-alive connection pools, one per protocol. node:http is used rather than fetch: at the
 * thousands of requests per second a cycle makes against a fast backend, fetch's per-request cost
 * (web streams, abort signals) was several times that of the whole simulated answer.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 }),
};

/**
 * One HTTP exchange with a per-request timeout covering the whole body. Network failures and
 * timeouts become typed errors; a caller's abort is re-thrown as is. Status codes are not judged here.
 */
export async function send(request: HttpRequest): Promise<HttpResponse> {
  request.signal?.throwIfAborted();
  const url = new URL(request.url);
  const body = request.json === undefined ? undefined : Buffer.from(JSON.stringify(request.json));
  const headers: Record<string, string | number> = { accept: "application/json", ...request.headers };
  if (body) {
    headers["content-type"] = "application/json";
    headers["content-length"] = body.length;
  }
  const transport = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const req = transport.request(url, { method: request.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => finish(() => reject(new NetworkError(request.url, error))));
      res.on("aborted", () => finish(() => reject(new NetworkError(request.url, new Error("the response was cut off")))));
      res.on("end", () =>
        finish(() => resolve({ url: request.url, status: res.statusCode ?? 0, headers: toHeaders(res.headers), text: Buffer.concat(chunks).toString("utf8") })),
      );
    });
    const timer = setTimeout(() => {
      finish(() => reject(new RequestTimeoutError(request.url, request.timeoutMs)));
      req.destroy();
    }, request.timeoutMs);
    const onAbort = () => {
      finish(() => reject(request.signal?.reason ?? new DOMException("This operation was aborted", "AbortError")));
      req.destroy();
    };
    request.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (error) => finish(() => reject(new NetworkError(request.url, error))));
    req.end(body);
  });
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
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
