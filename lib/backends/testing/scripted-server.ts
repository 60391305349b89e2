import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A real HTTP server on 127.0.0.1 (random port) answering scripted replies, for tests. */

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  path: string;
  headers: IncomingHttpHeaders;
  bodyText: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  delayMs?: number;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** Drop the connection without an answer (a network error). */
  destroy?: boolean;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests being handled right now, and the most ever at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const closing = new AbortController();

  const server: Server = createServer(async (req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bodyText = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        bodyText,
        json: parseJson(bodyText),
      };
      requests.push(recorded);
      const reply = await handler(recorded, requests.length - 1);
      if (reply.delayMs) await sleep(reply.delayMs, undefined, { signal: closing.signal }).catch(() => undefined);
      if (reply.hang) {
        await new Promise<void>((resolve) => closing.signal.addEventListener("abort", () => resolve()));
        res.destroy();
        return;
      }
      if (reply.destroy) {
        res.socket?.destroy();
        return;
      }
      const isText = typeof reply.body === "string";
      const payload = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, {
        "content-type": isText ? "text/plain; charset=utf-8" : "application/json",
        ...reply.headers,
      });
      res.end(payload);
    } catch (error) {
      res.writeHead(599, { "content-type": "text/plain" });
      res.end(`scripted server handler failed: ${String(error)}`);
    } finally {
      inFlight -= 1;
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Replies in order; the last one repeats. */
export function inSequence(...replies: Reply[]): Handler {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 500, body: "no reply scripted" };
}

/** Routes by "METHOD /path" (exact path, query ignored). */
export function routes(table: Record<string, Handler>): Handler {
  const counters = new Map<string, number>();
  return (request) => {
    const key = `${request.method} ${request.path.split("?")[0]}`;
    const handler = table[key];
    if (!handler) return { status: 404, body: `no route for ${key}` };
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    return handler(request, index);
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
