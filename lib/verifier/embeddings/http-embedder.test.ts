import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmbeddingError } from "@/lib/verifier/embeddings/embedder";
import { createHttpEmbedder } from "@/lib/verifier/embeddings/http-embedder";
import { letterCounts, startEmbeddingServer, type EmbeddingServer } from "@/lib/verifier/testing/embedding-server";
import { verify } from "@/lib/verifier/verify";

let server: EmbeddingServer;

beforeAll(async () => {
  server = await startEmbeddingServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.handle = undefined;
});

describe("createHttpEmbedder", () => {
  it("posts {model, input} to /v1/embeddings and returns vectors in input order", async () => {
    const embedder = createHttpEmbedder({ baseUrl: `${server.baseUrl}/`, model: "all-MiniLM-L6-v2", apiKey: "secret" });
    const vectors = await embedder.embed(["abc", "zz"]);
    expect(vectors).toEqual([letterCounts("abc"), letterCounts("zz")]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      url: "/v1/embeddings",
      body: { model: "all-MiniLM-L6-v2", input: ["abc", "zz"] },
      headers: { authorization: "Bearer secret", "content-type": "application/json" },
    });
    expect(embedder.model).toBe("all-MiniLM-L6-v2");
  });

  it("splits large inputs into batches", async () => {
    const embedder = createHttpEmbedder({ baseUrl: server.baseUrl, model: "m", maxBatchSize: 2 });
    const texts = ["a", "b", "c", "d", "e"];
    expect(await embedder.embed(texts)).toEqual(texts.map(letterCounts));
    expect(server.requests.map((request) => request.body.input)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("reports HTTP errors with status and body", async () => {
    server.handle = (_request, response) => {
      response.writeHead(503);
      response.end("model is loading");
    };
    const embedder = createHttpEmbedder({ baseUrl: server.baseUrl, model: "m" });
    await expect(embedder.embed(["a"])).rejects.toThrow(/HTTP 503: model is loading/);
  });

  it("times out a server that does not answer", async () => {
    server.handle = () => undefined;
    const embedder = createHttpEmbedder({ baseUrl: server.baseUrl, model: "m", timeoutMs: 150 });
    await expect(embedder.embed(["a"])).rejects.toThrow(/timed out after 150 ms/);
  });

  it.each([
    ["not JSON", "<html>", /is not JSON/],
    ["the wrong shape", JSON.stringify({ data: [{ vector: [1] }] }), /wrong shape: data\[0\]\.embedding/],
    ["too few embeddings", JSON.stringify({ data: [{ index: 0, embedding: [1] }] }), /1 embeddings for 2 inputs/],
    [
      "a repeated index",
      JSON.stringify({
        data: [
          { index: 0, embedding: [1] },
          { index: 0, embedding: [2] },
        ],
      }),
      /repeated index 0/,
    ],
  ])("rejects a response that is %s", async (_name, body, message) => {
    server.handle = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    };
    const embedder = createHttpEmbedder({ baseUrl: server.baseUrl, model: "m" });
    const failure = embedder.embed(["a", "b"]);
    await expect(failure).rejects.toBeInstanceOf(EmbeddingError);
    await expect(embedder.embed(["a", "b"])).rejects.toThrow(message);
  });

  it("serves caption verification end to end", async () => {
    const embedder = createHttpEmbedder({ baseUrl: server.baseUrl, model: "letters" });
    const verdict = await verify(
      { labelType: "caption", label: "a man opened the fridge" },
      "A man opens the fridge. The cat sleeps.",
      undefined,
      { embedder },
    );
    expect(verdict).toMatchObject({ passed: true, method: "caption:embedding:letters" });
    expect(server.requests).toHaveLength(1);
  });
});
