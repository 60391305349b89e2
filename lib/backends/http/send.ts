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
export function send(request: HttpRequest): Promise<HttpResponse> {
  try {
    request.signal?.throwIfAborted();
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<HttpResponse>((resolve, reject) => new Exchange(request, resolve, reject).start());
}

/**
 * One request in flight. A class rather than closures: a cycle sends thousands of these a second,
 * and every closure made per request is work (the tsx loader even wraps named ones in a helper).
 */
class Exchange {
  private settled = false;
  private timer: NodeJS.Timeout | undefined;
  private req: http.ClientRequest | undefined;
  private readonly chunks: Buffer[] = [];
  private readonly onAbort: () => void;

  constructor(
    private readonly request: HttpRequest,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.onAbort = () => this.fail(request.signal?.reason ?? new DOMException("This operation was aborted", "AbortError"));
  }

  start(): void {
    const { request } = this;
    const target = targetOf(request.url);
    // A string body goes out in one write with the headers; a Buffer would be a second one.
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    const headers: Record<string, string | number> = { accept: "application/json", ...request.headers };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(body);
    }
    const options: http.RequestOptions = { ...target.options, method: request.method, headers, agent: target.agent };
    const req = target.transport.request(options, (res) => this.receive(res));
    this.req = req;
    this.timer = setTimeout(() => this.fail(new RequestTimeoutError(request.url, request.timeoutMs)), request.timeoutMs);
    request.signal?.addEventListener("abort", this.onAbort, { once: true });
    req.on("error", (error) => this.fail(new NetworkError(request.url, error)));
    req.end(body);
  }

  private receive(res: http.IncomingMessage): void {
    res.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    res.on("error", (error) => this.fail(new NetworkError(this.request.url, error)));
    res.on("aborted", () => this.fail(new NetworkError(this.request.url, new Error("the response was cut off"))));
    res.on("end", () => {
      if (!this.finish()) return;
      const text = this.chunks.length === 1 ? this.chunks[0]!.toString("utf8") : Buffer.concat(this.chunks).toString("utf8");
      this.resolve(new ReceivedResponse(this.request.url, res.statusCode ?? 0, res.headers, text));
    });
  }

  private fail(error: unknown): void {
    if (!this.finish()) return;
    this.req?.destroy();
    this.reject(error);
  }

  /** True the first time only: the exchange settles once. */
  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.request.signal?.removeEventListener("abort", this.onAbort);
    return true;
  }
}

/** A response whose headers become a `Headers` only when someone asks (rarely: Retry-After). */
class ReceivedResponse implements HttpResponse {
  private parsedHeaders: Headers | undefined;

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly rawHeaders: http.IncomingHttpHeaders,
    readonly text: string,
  ) {}

  get headers(): Headers {
    this.parsedHeaders ??= toHeaders(this.rawHeaders);
    return this.parsedHeaders;
  }
}

interface Target {
  transport: typeof http | typeof https;
  agent: http.Agent;
  options: Pick<http.RequestOptions, "protocol" | "hostname" | "port" | "path">;
}

/** Parsed request targets: a backend is asked the same few URLs over and over. */
const targets = new Map<string, Target>();
const MAX_CACHED_TARGETS = 1000;

function targetOf(rawUrl: string): Target {
  let target = targets.get(rawUrl);
  if (!target) {
    const url = new URL(rawUrl);
    const secure = url.protocol === "https:";
    target = {
      transport: secure ? https : http,
      agent: secure ? agents["https:"] : agents["http:"],
      options: {
        protocol: url.protocol,
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
      },
    };
    if (targets.size >= MAX_CACHED_TARGETS) targets.clear();
    targets.set(rawUrl, target);
  }
  return target;
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

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
