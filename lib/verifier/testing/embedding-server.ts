import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny OpenAI-compatible embeddings server for tests: embeddings are letter counts. */
export interface EmbeddingServer {
  readonly baseUrl: string;
  readonly requests: { url: string; headers: IncomingMessage["headers"]; body: { model: string; input: string[] } }[];
  /** Replaces the default handler (e.g. to fail or stall). */
  handle: ((request: IncomingMessage, response: ServerResponse, body: string) => void) | undefined;
  close(): Promise<void>;
}

export function letterCounts(text: string): number[] {
  const vector = new Array<number>(26).fill(0);
  for (const c of text.toLowerCase()) {
    const i = c.charCodeAt(0) - 97;
    if (i >= 0 && i < 26) vector[i] = (vector[i] ?? 0) + 1;
  }
  return vector;
}

export async function startEmbeddingServer(): Promise<EmbeddingServer> {
  const state: Omit<EmbeddingServer, "baseUrl" | "close"> = { requests: [], handle: undefined };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      if (state.handle !== undefined) return state.handle(request, response, body);
      const parsed = JSON.parse(body) as { model: string; input: string[] };
      state.requests.push({ url: request.url ?? "", headers: request.headers, body: parsed });
      // Answer in reverse order: clients must sort by index.
      const data = parsed.input.map((text, index) => ({ object: "embedding", index, embedding: letterCounts(text) })).reverse();
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ object: "list", model: parsed.model, data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
